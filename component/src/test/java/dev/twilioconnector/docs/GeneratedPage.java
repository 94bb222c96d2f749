package dev.twilioconnector.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of {@code docs/} that a test writes, whole, from the code: a header that says so and how to rewrite it,
 * then the reference. The test fails while the page differs from what the code says; with
 * {@code -Ddocs.update=true} it writes the page instead. The folder is the system property {@code docs.dir},
 * which the build sets to the repository's {@code docs/}.
 */
public final class GeneratedPage {

    private final String page;
    private final String title;
    private final String source;
    private final String test;

    /**
     * @param page   the page's path below {@code docs/}, e.g. {@code entities/api.md}
     * @param title  the page's heading
     * @param source what the page is written from, for its header
     * @param test   the simple name of the test class that writes it
     */
    public GeneratedPage(String page, String title, String source, String test) {
        this.page = page;
        this.title = title;
        this.source = source;
        this.test = test;
    }

    public void assertReads(String reference) throws IOException {
        Path file = Path.of(System.getProperty("docs.dir", "../docs")).resolve(page);
        String expected = header() + reference;
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (Boolean.getBoolean("docs.update") && !expected.equals(actual)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("docs/" + page + " is missing or stale: rerun " + test + " with -Ddocs.update=true")
                .isEqualTo(expected);
    }

    private String header() {
        String toRoot = "../".repeat(page.split("/").length);
        return "# " + title + "\n\n"
                + "[Back to the README](" + toRoot + "README.md)\n\n"
                + "> Generated from " + source + " by `" + test + "`: do not edit this page. After a change, rewrite it"
                + " with\n> `mvn -B -pl component -am test -Dtest=" + test
                + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.update=true`.\n\n";
    }
}
