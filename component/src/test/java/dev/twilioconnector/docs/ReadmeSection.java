package dev.twilioconnector.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part of the README between two markers that a test writes from the code. The test fails while the README's
 * text differs from what the code says; with {@code -Dreadme.update=true} it rewrites the part instead.
 */
public final class ReadmeSection {

    private final String start;
    private final String end;
    private final String test;

    public ReadmeSection(String start, String end, String test) {
        this.start = start;
        this.end = end;
        this.test = test;
    }

    public void assertReads(String expected) throws IOException {
        Path readme = Path.of(System.getProperty("readme.path", "../README.md"));
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("README.md has the markers " + start.strip()).isNotNegative();
        assertThat(to).isGreaterThan(from);
        String actual = text.substring(from + start.length(), to);
        if (Boolean.getBoolean("readme.update") && !actual.equals(expected)) {
            Files.writeString(readme, text.substring(0, from + start.length()) + expected + text.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README's part written by " + test + " is stale: rerun " + test
                + " with -Dreadme.update=true").isEqualTo(expected);
    }
}
