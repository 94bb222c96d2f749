package dev.twilioconnector.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets of {@code examples/kamelets}, loaded from their files by camel-kamelet as Camel K loads them, run
 * against the sandbox.
 */
class KameletExamplesTest extends SandboxTestSupport {

    private static final Path KAMELETS = Path.of(System.getProperty("examples.dir", "../examples")).resolve("kamelets");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("kamelet", KameletComponent.class).setLocation("file:" + KAMELETS.toAbsolutePath());
        return camel;
    }

    @Test
    void sinkCreatesTheRecordOfTheEventAndAnswersItAsJson() throws Exception {
        routes("""
                - route:
                    from:
                      uri: "direct:send"
                      steps:
                        - to:
                            uri: "kamelet:twilio-connector-sink"
                            parameters:
                              entity: Messages
                """);

        String answer = producer.requestBody("direct:send",
                "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"Your order shipped\"}", String.class);

        RecordedRequest sent = requests().get(0);
        assertThat(sent.method() + " " + sent.path()).isEqualTo("POST " + accountPath("Messages.json"));
        assertThat(sent.formParams()).containsOnly(entry("To", List.of("+15558675310")),
                entry("From", List.of("+15017122661")), entry("Body", List.of("Your order shipped")));
        JsonNode record = JSON.readTree(answer);
        assertThat(record.get("Sid").asText()).isEqualTo(sandbox.records("Messages").get(0).get("sid"));
        assertThat(record.get("Sender").asText()).isEqualTo("+15017122661");
        assertThat(record.get("Status").asText()).isEqualTo("queued");
    }

    @Test
    void sinkUpdatesTheRecordItsEntityIdNames() throws Exception {
        sandbox.put("Messages", Map.of("sid", "SM3ad97d41e786c02bca47c8ce1745053b", "body", "Card ending 4242"));
        routes("""
                - route:
                    from:
                      uri: "direct:redact"
                      steps:
                        - to:
                            uri: "kamelet:twilio-connector-sink"
                            parameters:
                              entity: Messages
                              operation: Update
                              entityId: SM3ad97d41e786c02bca47c8ce1745053b
                """);

        String answer = producer.requestBody("direct:redact", "{\"Body\":\"\"}", String.class);

        assertThat(requestLines()).containsExactly("POST " + accountPath("Messages/SM3ad97d41e786c02bca47c8ce1745053b.json"));
        assertThat(requests().get(0).formParams()).containsOnly(entry("Body", List.of("")));
        assertThat(JSON.readTree(answer).get("Body").asText()).isEmpty();
    }

    @Test
    void sourceEmitsEachNewRecordThatMatchesOnceAsJson() throws Exception {
        Instant sent = Instant.parse("2026-01-05T10:00:00Z");
        String first = putMessage("inbound", "Hello", sent);
        putMessage("outbound-api", "Hello", sent.plusSeconds(1));
        String second = putMessage("inbound", "Hello", sent.plusSeconds(2));
        routes("""
                - route:
                    from:
                      uri: "kamelet:twilio-connector-source"
                      parameters:
                        entity: Messages
                        filterClause: "Direction = 'inbound'"
                        delay: 200
                        stateFile: "%s"
                      steps:
                        - to: "mock:inbound"
                """.formatted(state.resolve("inbound.state")));
        MockEndpoint inbound = getMockEndpoint("mock:inbound");

        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.getReceivedCounter() == 2);
        String third = putMessage("inbound", "Hello", sent.plusSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbound.getReceivedCounter() >= 3);
        int polls = requests().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> requests().size() >= polls + 2);

        assertThat(inbound.getReceivedExchanges()).extracting(exchange -> sidOf(exchange.getMessage().getBody(String.class)))
                .containsExactly(first, second, third);
        assertThat(requests()).extracting(RecordedRequest::path).containsOnly(accountPath("Messages.json"));
    }

    private void routes(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("example.yaml", yaml));
    }

    private static String sidOf(String json) {
        try {
            return JSON.readTree(json).get("Sid").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON record: " + json, e);
        }
    }
}
