package dev.twilioconnector.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets of {@code examples/kamelets}, loaded from their files by camel-kamelet as Camel K loads them, run
 * against the sandbox. Each Kamelet is a connection of its own, made from the credentials it is given: the tests give
 * the sandbox's account, its API Key, or a wrong token, never the context's own twilio-connector component.
 */
class KameletExamplesTest extends SandboxTestSupport {

    private static final Path KAMELETS = Path.of(System.getProperty("examples.dir", "../examples")).resolve("kamelets");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "SK" + "5".repeat(32);

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
                            parameters: %s
                """.formatted(sandboxAccount(Map.of("entity", "Messages"))));

        String answer = producer.requestBody("direct:send",
                "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"Your order shipped\"}", String.class);

        RecordedRequest sent = requests().get(0);
        assertThat(sent.method() + " " + sent.path()).isEqualTo("POST " + accountPath("Messages.json"));
        assertThat(sent.authUser()).isEqualTo(sandbox.accountSid());
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
                            parameters: %s
                """.formatted(sandboxAccount(Map.of("entity", "Messages", "operation", "Update",
                "entityId", "SM3ad97d41e786c02bca47c8ce1745053b"))));

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
                      parameters: %s
                      steps:
                        - to: "mock:inbound"
                """.formatted(sandboxAccount(Map.of("entity", "Messages", "filterClause", "Direction = 'inbound'",
                "delay", "200ms", "stateFile", state.resolve("inbound.state").toString()))));
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

    @Test
    void sinkWithAnApiKeyInPlaceOfTheTokenSignsInWithTheKey() throws Exception {
        sandbox.addApiKey(API_KEY, "key-secret");
        routes("""
                - route:
                    from:
                      uri: "direct:send"
                      steps:
                        - to:
                            uri: "kamelet:twilio-connector-sink"
                            parameters: %s
                """.formatted(json(Map.of("accountSid", sandbox.accountSid(), "apiKeySid", API_KEY,
                "apiKeySecret", "key-secret", "baseUrl", sandbox.baseUrl(), "entity", "Messages"))));

        producer.requestBody("direct:send", "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"Hi\"}");

        assertThat(requests()).singleElement().satisfies(sent -> {
            assertThat(sent.authUser()).isEqualTo(API_KEY);
            assertThat(sent.status()).isEqualTo(201);
        });
        assertThat(sandbox.records("Messages")).hasSize(1);
    }

    @Test
    void twoSinksOfOneIntegrationSignInWithTheirOwnCredentials() throws Exception {
        routes("""
                - route:
                    from:
                      uri: "direct:right"
                      steps:
                        - to:
                            uri: "kamelet:twilio-connector-sink"
                            parameters: %s
                - route:
                    from:
                      uri: "direct:wrong"
                      steps:
                        - to:
                            uri: "kamelet:twilio-connector-sink"
                            parameters: %s
                """.formatted(sandboxAccount(Map.of("entity", "Messages")),
                json(Map.of("accountSid", sandbox.accountSid(), "authToken", "not-the-token", "baseUrl", sandbox.baseUrl(),
                        "entity", "Messages"))));
        String event = "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"Hi\"}";

        Exchange wrong = producer.request("direct:wrong", exchange -> exchange.getMessage().setBody(event));
        Exchange right = producer.request("direct:right", exchange -> exchange.getMessage().setBody(event));

        assertThat(wrong.getException()).as("the sink given a wrong token").isNotNull().hasMessageContaining("401");
        assertThat(right.getException()).as("the sink given the account's token").isNull();
        assertThat(requests()).extracting(RecordedRequest::status).containsExactly(401, 201);
        assertThat(sandbox.records("Messages")).hasSize(1);
    }

    /** The Kamelet's parameters: the sandbox's account and its Auth Token, and {@code more}. */
    private static String sandboxAccount(Map<String, String> more) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("accountSid", sandbox.accountSid());
        parameters.put("authToken", sandbox.authToken());
        parameters.put("baseUrl", sandbox.baseUrl());
        parameters.putAll(more);
        return json(parameters);
    }

    /** Parameters as a YAML flow mapping (JSON is one), to go on the line of {@code parameters:}. */
    private static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
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
