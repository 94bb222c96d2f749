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
 * The entities of the newer products against Stoplight Prism serving Twilio's descriptions of them, each product
 * pointed at its own Prism by {@code baseUrls}: Prism refuses with 422 any request its description does not define.
 */
class ProductsPrismContractTest {

    private static final String SPECS = "package/twilio-oai/spec/json/";
    private static final String SERVICE = "VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String CONVERSATION = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String MESSAGES = "/v1/Conversations/{ConversationSid}/Messages";
    private static PrismServer verify;
    private static PrismServer conversations;
    private static CamelContext camel;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startPrismAndTheConnector() throws Exception {
        Path specs = Path.of(System.getProperty("twilio.spec.dir", "../target/twilio-spec"), SPECS);
        Path prismDir = Path.of(System.getProperty("prism.dir", "../target/prism"));
        verify = PrismServer.start(prismDir, specs.resolve("twilio_verify_v2.json"), AvailablePortFinder.getNextAvailable());
        conversations = PrismServer.start(prismDir, withOnlyTheLastMessageExample(specs.resolve("twilio_conversations_v1.json")),
                AvailablePortFinder.getNextAvailable());
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.getConfiguration().setAccountSid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        component.getConfiguration().setAuthToken("prism-checks-that-there-is-a-token");
        Map<String, String> baseUrls = new LinkedHashMap<>();
        baseUrls.put("verify", verify.baseUrl());
        baseUrls.put("conversations", conversations.baseUrl());
        component.getConfiguration().setBaseUrls(baseUrls);
        component.getConfiguration().setRetryMaxAttempts(1);
        camel = new DefaultCamelContext();
        camel.addComponent("twilio-connector", component);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    /**
     * Prism answers with an operation's first example; Twilio's list of a conversation's messages has two, and only
     * the second, {@code readLastMessage}, has a next page, whose link names conversations.twilio.com.
     */
    private static Path withOnlyTheLastMessageExample(Path spec) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = (ObjectNode) mapper.readTree(spec.toFile());
        ObjectNode examples = (ObjectNode) document.path("paths").path(MESSAGES).path("get").path("responses")
                .path("200").path("content").path("application/json").path("examples");
        examples.retain("readLastMessage");
        Path narrowed = Files.createTempFile("twilio_conversations_v1", ".json");
        mapper.writeValue(narrowed.toFile(), document);
        narrowed.toFile().deleteOnExit();
        return narrowed;
    }

    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        for (PrismServer prism : new PrismServer[] {verify, conversations}) {
            if (prism != null) {
                prism.close();
            }
        }
    }

    @Test
    void aVerifyServiceIsCreatedListedAndReadAsTwiliosExamplesSay() throws Exception {
        Map<String, Object> created = record(call("twilio-connector:Verify.Services/Create", "{\"Name\":\"My shop\"}",
                Map.of()));
        Map<String, Object> read = record(call("twilio-connector:Verify.Services/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, SERVICE)));
        Exchange listed = call("twilio-connector:Verify.Services/List", null, Map.of());

        assertThat(created).contains(entry("Sid", SERVICE), entry("Name", "name"), entry("CodeLength", 4));
        assertThat(read).contains(entry("Sid", SERVICE), entry("DateCreated", "2015-07-30T20:00:00Z"),
                entry("LookupEnabled", false));
        assertThat(listed.getException()).as(verify::log).isNull();
        assertThat(records(listed)).extracting(service -> service.get("Sid")).containsExactly(SERVICE);
        assertThat(listed.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN)).isNull();
    }

    @Test
    void aVerificationIsStartedForAServiceGivenInThePayload() throws Exception {
        Map<String, Object> verification = record(call("twilio-connector:Verify.Verifications/Create",
                "{\"ServiceSid\":\"" + SERVICE + "\",\"To\":\"+15017122661\",\"Channel\":\"sms\"}", Map.of()));

        assertThat(verification).contains(entry("ServiceSid", SERVICE), entry("To", "+15017122661"),
                entry("Channel", "sms"), entry("Status", "pending"));
    }

    @Test
    void noRequestOfTheVerifyBatteryIsRefusedByTheDescription() {
        Map<String, String> battery = new LinkedHashMap<>();
        battery.put("twilio-connector:Verify.Services/Create", "{\"Name\":\"My shop\",\"CodeLength\":6}");
        battery.put("twilio-connector:Verify.Services/List?pageSize=5", "");
        battery.put("twilio-connector:Verify.Services/Get?entityId=" + SERVICE, "");
        battery.put("twilio-connector:Verify.Services/Update?entityId=" + SERVICE, "{\"Name\":\"My other shop\"}");
        battery.put("twilio-connector:Verify.Verifications/Create",
                "{\"ServiceSid\":\"" + SERVICE + "\",\"To\":\"+15017122661\",\"Channel\":\"sms\"}");
        battery.put("twilio-connector:Verify.VerificationChecks/Create",
                "{\"ServiceSid\":\"" + SERVICE + "\",\"To\":\"+15017122661\",\"Code\":\"123456\"}");
        Map<String, String> refused = new LinkedHashMap<>();
        battery.forEach((uri, body) -> {
            Exchange exchange = call(uri, body.isEmpty() ? null : body, Map.of());
            if (exchange.getException() != null) {
                refused.put(uri, exchange.getException().getMessage());
            }
        });

        assertThat(refused).as(verify::log).isEmpty();
    }

    /**
     * Twilio's example page links its next page at https://conversations.twilio.com: the connector reads it from the
     * base URL the connection gives Conversations, Prism's, taking only the link's path and query. As the example's
     * next page is the same page again, reading it stops there with the error that says so.
     */
    @Test
    void aNextPageLinkToAnotherHostIsFollowedOnTheProductsConfiguredBaseUrl() {
        String list = "twilio-connector:Conversations.ConversationMessages/List?pageSize=1&filterClause="
                + "ConversationSid = '" + CONVERSATION + "'";
        Exchange first = call(list, null, Map.of());

        assertThat(first.getException()).as(conversations::log).isNull();
        assertThat(records(first)).extracting(message -> message.get("ConversationSid")).containsExactly(CONVERSATION);
        String token = first.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class);
        assertThat(token).isNotBlank();

        Exchange next = call(list, null, Map.of(TwilioConnectorConstants.PAGE_TOKEN, token));

        String nextPage = "/v1/Conversations/" + CONVERSATION + "/Messages?Order=desc&PageSize=1&Page=1"
                + "&PageToken=PAIMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assertThat(next.getException()).hasMessage("Twilio answered HTTP 200 to Conversations.ConversationMessages List:"
                + " meta.next_page_url '" + nextPage + "' is the page just read");
        assertThat(conversations.log().split("get /v1/Conversations/" + CONVERSATION + "/Messages .*Request received", -1))
                .as("Prism received the first page's request and the next page's").hasSize(3);
    }

    private static Exchange call(String uri, Object body, Map<String, Object> headers) {
        return producer.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new AssertionError(exchange.getException().getMessage() + "\n" + verify.log(), exchange.getException());
        }
        return (Map<String, Object>) exchange.getMessage().getBody();
    }
}
