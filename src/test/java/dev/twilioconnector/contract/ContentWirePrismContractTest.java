package dev.twilioconnector.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Content templates (Content v1, whose Create takes a JSON body) against Prism serving Twilio's description of
 * them, with each request recorded on its way so the test holds what was sent: Prism refuses with 422 a request
 * its description does not define, a form where it takes JSON among them.
 */
class ContentWirePrismContractTest {

    private static final String TEMPLATE = "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String CREATE = "{\"Name\":\"order_update\",\"Language\":\"en\",\"Variables\":{\"1\":\"Owl\"},"
            + "\"Types\":{\"twilio/text\":{\"body\":\"Your order {{1}} is on its way\"}}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The connection whose Content is v2's description: one Prism serves one description, one product one base URL. */
    private static final String V2 = "twilio-content-v2";
    private static PrismServer prism;
    private static RecordingProxy proxy;
    private static PrismServer prismV2;
    private static RecordingProxy proxyV2;
    private static CamelContext camel;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startPrismAndTheConnector() throws Exception {
        Path specs = Path.of(System.getProperty("twilio.spec.dir", "../target/twilio-spec"), "package/twilio-oai/spec/json/");
        prism = PrismServer.start(Path.of(System.getProperty("prism.dir", "../target/prism")),
                withOnlyTheListOfResults(specs.resolve("twilio_content_v1.json")), AvailablePortFinder.getNextAvailable());
        proxy = RecordingProxy.start(prism.baseUrl());
        prismV2 = PrismServer.start(Path.of(System.getProperty("prism.dir", "../target/prism")),
                specs.resolve("twilio_content_v2.json"), AvailablePortFinder.getNextAvailable());
        proxyV2 = RecordingProxy.start(prismV2.baseUrl());
        camel = new DefaultCamelContext();
        camel.addComponent("twilio-connector", connection(proxy));
        camel.addComponent(V2, connection(proxyV2));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    private static TwilioConnectorComponent connection(RecordingProxy contentHost) {
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.getConfiguration().setAccountSid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        component.getConfiguration().setAuthToken("prism-checks-that-there-is-a-token");
        component.getConfiguration().setBaseUrls(Map.of("content", contentHost.baseUrl()));
        component.getConfiguration().setRetryMaxAttempts(1);
        return component;
    }

    /** Prism answers with an operation's first example; Twilio's first of the list is the empty page. */
    private static Path withOnlyTheListOfResults(Path spec) throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree(spec.toFile());
        ((ObjectNode) document.path("paths").path("/v1/Content").path("get").path("responses").path("200")
                .path("content").path("application/json").path("examples")).retain("readResults");
        Path narrowed = Files.createTempFile("twilio_content_v1", ".json");
        JSON.writeValue(narrowed.toFile(), document);
        narrowed.toFile().deleteOnExit();
        return narrowed;
    }

    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        for (RecordingProxy each : new RecordingProxy[] {proxy, proxyV2}) {
            if (each != null) {
                each.close();
            }
        }
        for (PrismServer each : new PrismServer[] {prism, prismV2}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        proxy.clear();
        proxyV2.clear();
    }

    /**
     * Content v2 names the bounds of a template's creation {@code DateCreatedAfter} ("Filter by >=") and
     * {@code DateCreatedBefore} ("Filter by <="), date-times: a day is sent as its midnight, and up to a day as
     * before the next one's.
     */
    @Test
    void boundsOfTheDateCreatedGoToTwiliosAfterAndBefore() {
        Exchange listed = call(V2 + ":Content.Contents/List", null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE,
                "DateCreated >= '2024-06-01' AND DateCreated <= '2024-06-30' AND Language = 'en'"));

        assertThat(listed.getException()).as(prismV2::log).isNull();
        assertThat(proxyV2.requests()).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v2/Content?DateCreatedAfter=2024-06-01T00%3A00%3A00Z&DateCreatedBefore=2024-07-01T00%3A00%3A00Z"
                        + "&Language=en&PageSize=25");
    }

    @Test
    void aTemplateIsCreatedWithItsTypesAndVariablesAsAJsonBody() throws Exception {
        Map<String, Object> created = record(call("twilio-connector:ContentV1.Contents/Create", CREATE, Map.of()));

        assertThat(created).contains(entry("Sid", TEMPLATE), entry("Language", "en"),
                entry("Variables", Map.of("name", "foo")), entry("DateCreated", "2015-07-30T19:00:00Z"));
        RecordingProxy.SentRequest sent = proxy.requests().get(0);
        assertThat(sent.line()).isEqualTo("POST /v1/Content");
        assertThat(sent.headers()).containsEntry("content-type", "application/json; charset=UTF-8");
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("{\"friendly_name\":\"order_update\","
                + "\"language\":\"en\",\"variables\":{\"1\":\"Owl\"},"
                + "\"types\":{\"twilio/text\":{\"body\":\"Your order {{1}} is on its way\"}}}"));
        assertThat(proxy.requests()).hasSize(1);
    }

    @Test
    void aTemplateIsListedReadAndDeleted() {
        Exchange listed = call("twilio-connector:ContentV1.Contents/List?pageSize=10", null, Map.of());
        Map<String, Object> read = record(call("twilio-connector:ContentV1.Contents/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, TEMPLATE)));
        Map<String, Object> deleted = record(call("twilio-connector:ContentV1.Contents/Delete?entityId=" + TEMPLATE, null,
                Map.of()));

        assertThat(listed.getException()).as(prism::log).isNull();
        assertThat(listed.getMessage().getBody(List.class)).extracting(template -> ((Map<?, ?>) template).get("Name"))
                .containsExactly("Some content", "Anotha content", "Third content");
        assertThat(read).contains(entry("Sid", TEMPLATE), entry("Language", "en"));
        assertThat(deleted).containsExactly(entry("Sid", TEMPLATE));
        assertThat(proxy.requests()).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v1/Content?PageSize=10",
                "GET /v1/Content/" + TEMPLATE,
                "DELETE /v1/Content/" + TEMPLATE);
        assertThat(proxy.requests()).extracting(RecordingProxy.SentRequest::body).containsOnly("");
    }

    @Test
    void noRequestOfTheContentBatteryIsRefusedByTheDescription() {
        List<Map.Entry<String, String>> battery = List.of(
                Map.entry("twilio-connector:ContentV1.Contents/Create", CREATE),
                Map.entry("twilio-connector:ContentV1.Contents/Create",
                        "{\"Language\":\"en\",\"Types\":\"{\\\"twilio/text\\\":{\\\"body\\\":\\\"Hi\\\"}}\"}"),
                Map.entry("twilio-connector:ContentV1.Contents/List?pageSize=5", ""),
                Map.entry("twilio-connector:ContentV1.Contents/Get?entityId=" + TEMPLATE, ""),
                Map.entry("twilio-connector:ContentV1.Contents/Delete?entityId=" + TEMPLATE, ""));
        Map<String, String> refused = new LinkedHashMap<>();
        battery.forEach(request -> {
            Exchange exchange = call(request.getKey(), request.getValue().isEmpty() ? null : request.getValue(), Map.of());
            if (exchange.getException() != null) {
                refused.put(request.getKey() + " " + request.getValue(), exchange.getException().getMessage());
            }
        });

        assertThat(refused).as(prism::log).isEmpty();
        assertThat(proxy.requests()).hasSize(battery.size());
    }

    private static Exchange call(String uri, Object body, Map<String, Object> headers) {
        return producer.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new AssertionError(exchange.getException().getMessage() + "\n" + prism.log(), exchange.getException());
        }
        return (Map<String, Object>) exchange.getMessage().getBody();
    }
}
