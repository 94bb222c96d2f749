package dev.twilioconnector.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's option reference is the component's generated metadata written out. When an option changes,
 * rewrite it with {@code mvn -pl component test -Dtest=ReadmeOptionsTest -Dreadme.update=true}.
 */
class ReadmeOptionsTest {

    private static final ReadmeSection REFERENCE = new ReadmeSection(
            "<!-- options-reference:start (generated from the component metadata by ReadmeOptionsTest) -->\n",
            "<!-- options-reference:end -->", "ReadmeOptionsTest");
    private static final String DESCRIPTOR = "/META-INF/dev/twilioconnector/twilio-connector.json";

    @Test
    void readmeListsEverySettingOptionAndHeaderWithItsDefaultAsTheMetadataHasThem() throws IOException {
        REFERENCE.assertReads(OptionsReference.markdown(descriptor()));
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
