package dev.twilioconnector.contract;

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

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Lookups v2 against Prism serving Twilio's description of it: a phone number is read by the number itself, with
 * the query parameters its fetch defines ({@code Fields}, {@code CountryCode}) taken from the filterClause or the
 * payload, and each request recorded on its way so the test holds what was sent.
 */
class LookupsWirePrismContractTest {

    private static final String NUMBER = "+14159929960";
    private static final String GET = "twilio-connector:Lookups.PhoneNumbers/Get";
    private static PrismServer prism;
    private static RecordingProxy proxy;
    private static CamelContext camel;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startPrismAndTheConnector() throws Exception {
        Path specs = Path.of(System.getProperty("twilio.spec.dir", "../target/twilio-spec"), "package/twilio-oai/spec/json/");
        prism = PrismServer.start(Path.of(System.getProperty("prism.dir", "../target/prism")),
                specs.resolve("twilio_lookups_v2.json"), AvailablePortFinder.getNextAvailable());
        proxy = RecordingProxy.start(prism.baseUrl());
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.getConfiguration().setAccountSid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        component.getConfiguration().setAuthToken("prism-checks-that-there-is-a-token");
        component.getConfiguration().setBaseUrls(Map.of("lookups", proxy.baseUrl()));
        component.getConfiguration().setRetryMaxAttempts(1);
        camel = new DefaultCamelContext();
        camel.addComponent("twilio-connector", component);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (prism != null) {
            prism.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        proxy.clear();
    }

    @Test
    void aPhoneNumberIsReadWithTheFieldsTheFilterClauseAsksFor() {
        Map<String, Object> number = record(call(GET, null, Map.of(TwilioConnectorConstants.ENTITY_ID, NUMBER,
                TwilioConnectorConstants.FILTER_CLAUSE, "Fields = 'caller_name,line_type_intelligence'")));

        assertThat(number).contains(entry("PhoneNumber", NUMBER), entry("CountryCode", "US"), entry("Valid", true),
                entry("NationalFormat", "(415) 992-9960"));
        assertThat(proxy.requests()).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v2/PhoneNumbers/" + NUMBER + "?Fields=caller_name%2Cline_type_intelligence");
    }

    @Test
    void theQueryOfAFetchIsTakenFromThePayloadToo() {
        record(call(GET, "{\"Fields\":\"caller_name\",\"CountryCode\":\"US\"}",
                Map.of(TwilioConnectorConstants.ENTITY_ID, NUMBER)));

        assertThat(proxy.requests()).extracting(RecordingProxy.SentRequest::line).containsExactly(
                "GET /v2/PhoneNumbers/" + NUMBER + "?Fields=caller_name&CountryCode=US");
    }

    @Test
    void noRequestOfTheLookupsBatteryIsRefusedByTheDescription() {
        List<String> battery = List.of("", "{\"Fields\":\"caller_name\"}",
                "{\"Fields\":\"identity_match\",\"FirstName\":\"Ada\",\"LastName\":\"Lovelace\"}");
        Map<String, String> refused = new LinkedHashMap<>();
        battery.forEach(body -> {
            Exchange exchange = call(GET, body.isEmpty() ? null : body, Map.of(TwilioConnectorConstants.ENTITY_ID, NUMBER));
            if (exchange.getException() != null) {
                refused.put(GET + " " + body, exchange.getException().getMessage());
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
