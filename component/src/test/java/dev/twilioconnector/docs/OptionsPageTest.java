package dev.twilioconnector.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/options.md} is the component's generated metadata written out. When an option changes, rewrite it
 * with {@code -Ddocs.update=true} (the page's header gives the command).
 */
class OptionsPageTest {

    private static final GeneratedPage PAGE = new GeneratedPage("options.md", "Settings, options and headers",
            "the component's Camel metadata (`twilio-connector.json`)", "OptionsPageTest");
    private static final String DESCRIPTOR = "/META-INF/dev/twilioconnector/twilio-connector.json";

    @Test
    void optionsPageListsEverySettingOptionAndHeaderWithItsDefaultAsTheMetadataHasThem() throws IOException {
        PAGE.assertReads(OptionsReference.markdown(descriptor()));
    }

    @Test
    void everySecretIsMarkedSecretInTheMetadata() throws IOException {
        JsonNode options = descriptor().path("componentProperties");
        for (String secret : new String[] {"authToken", "apiKeySecret", "proxyPassword"}) {
            assertThat(options.path(secret).path("secret").asBoolean()).as(secret).isTrue();
        }
    }

    private static JsonNode descriptor() throws IOException {
        try (InputStream in = OptionsPageTest.class.getResourceAsStream(DESCRIPTOR)) {
            assertThat(in).as(DESCRIPTOR + " on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
