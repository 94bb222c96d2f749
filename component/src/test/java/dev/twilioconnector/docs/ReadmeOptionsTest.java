package dev.twilioconnector.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's option reference is the component's generated metadata written out. When an option changes,
 * rewrite it with {@code mvn -pl component test -Dtest=ReadmeOptionsTest -Dreadme.update=true}.
 */
class ReadmeOptionsTest {

    private static final String START = "<!-- options-reference:start (generated from the component metadata by ReadmeOptionsTest) -->\n";
    private static final String END = "<!-- options-reference:end -->";
    private static final String DESCRIPTOR = "/META-INF/dev/twilioconnector/twilio-connector.json";

    @Test
    void readmeListsEverySettingOptionAndHeaderWithItsDefaultAsTheMetadataHasThem() throws IOException {
        Path readme = Path.of(System.getProperty("readme.path", "../README.md"));
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md has the options reference markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = OptionsReference.markdown(descriptor());
        String actual = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("readme.update") && !actual.equals(expected)) {
            Files.writeString(readme, text.substring(0, start + START.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README's options reference is stale: rerun this test with -Dreadme.update=true")
                .isEqualTo(expected);
    }

    @Test
    void everySecretIsMarkedSecretInTheMetadata() throws IOException {
        JsonNode options = descriptor().path("componentProperties");
        for (String secret : new String[] {"authToken", "apiKeySecret", "proxyPassword"}) {
            assertThat(options.path(secret).path("secret").asBoolean()).as(secret).isTrue();
        }
    }

    private static JsonNode descriptor() throws IOException {
        try (InputStream in = ReadmeOptionsTest.class.getResourceAsStream(DESCRIPTOR)) {
            assertThat(in).as(DESCRIPTOR + " on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
