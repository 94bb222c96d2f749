package dev.twilioconnector.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's entity reference is the catalog written out. When the catalog changes, rewrite it with
 * {@code mvn -pl component test -Dtest=ReadmeReferenceTest -Dreadme.update=true}.
 */
class ReadmeReferenceTest {

    private static final String START = "<!-- entity-reference:start (generated from the catalog by ReadmeReferenceTest) -->\n";
    private static final String END = "<!-- entity-reference:end -->";

    @Test
    void readmeListsEveryEntityWithItsOperationsAndFieldsAsTheCatalogHasThem() throws IOException {
        Path readme = Path.of(System.getProperty("readme.path", "../README.md"));
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the reference markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = EntityReference.markdown(Catalog.standard());
        String actual = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("readme.update") && !actual.equals(expected)) {
            Files.writeString(readme, text.substring(0, start + START.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README's entity reference is stale: rerun this test with -Dreadme.update=true")
                .isEqualTo(expected);
    }
}
