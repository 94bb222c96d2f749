package dev.twilioconnector.contract;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The connector against Stoplight Prism serving Twilio's official OpenAPI description: Prism refuses with 422 any
 * request whose method, path, query, form body or authentication breaks the description, so every operation here
 * passing shows the connector speaks Twilio's wire format as Twilio describes it; and the records it returns are read
 * from Twilio's own example responses, not from the sandbox this project wrote. The requests pass the
 * {@link RecordingProxy} of a {@link PrismProduct}, which records them as the connector sent them.
 */
class PrismContractTest {

    /** The account of the description's examples, whose next_page_uri the connector follows only within its own list. */
    private static final String ACCOUNT = PrismProduct.ACCOUNT;
    private static PrismProduct api;

    @BeforeAll
    static void startPrism() throws Exception {
        api = PrismProduct.start("api", "twilio_api_v2010.json");
    }

    @AfterAll
    static void stopPrism() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aMessageIsReadFromTwiliosExampleWithConnectorColumnsIsoDatesAndNumbers() {
        Map<String, Object> message = api.record("twilio-connector:Messages/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, "SMb7c0a2ce80504485a6f653a7110836f5"));

        assertThat(message).contains(entry("Sid", "SMb7c0a2ce80504485a6f653a7110836f5"),
                entry("Sender", "+12019235161"), entry("Status", "sent"), entry("Direction", "outbound-api"),
                entry("DateSent", "2019-05-24T17:18:28Z"), entry("DateCreated", "2019-05-24T17:18:27Z"),
                entry("ErrorCode", 30007), entry("ErrorMessage", "Carrier violation"), entry("PriceUnit", "USD"));
        assertThat(message.get("NumSegments")).isEqualTo(1L);
        assertThat(new BigDecimal(message.get("Price").toString())).isEqualByComparingTo("-0.0075");
    }

    @Test
    void createdMessageIsTwiliosExampleAnswer() {
        Map<String, Object> message = api.record("twilio-connector:Messages/Create",
                "{\"To\":\"+15558675310\",\"Sender\":\"+14155552345\",\"Body\":\"Hello! \\ud83d\\udc4d\"}");

        assertThat(message).contains(entry("Body", "Hello! \ud83d\udc4d"), entry("Sender", "+14155552345"),
                entry("DateCreated", "2023-08-24T05:01:45Z"));
        assertThat(message.get("Sid").toString()).matches("SM[0-9a-f]{32}");
    }

    /**
     * The example page holds two messages and a next_page_uri that names itself again, so the page size is the
     * example's: a List fills its page before it follows next_page_uri.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aListPageIsReadFromTwiliosExampleWithTheTokenOfTheNextPage() {
        Exchange exchange = api.call("twilio-connector:Messages/List?pageSize=2", null);

        assertThat(exchange.getException()).as(api::log).isNull();
        List<Map<String, Object>> messages = exchange.getMessage().getBody(List.class);
        assertThat(messages).extracting(message -> message.get("Sid")).containsExactly("SMded05904ccb347238880ca9264e8fe1c", "MMc26223853f8c46b4ab7dfaa6abba0a26");
        assertThat(exchange.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class)).isNotBlank();
    }

    @Test
    void aListWhoseNextPageIsThePageJustReadFailsRatherThanLoopingForever() {
        Exchange exchange = api.call("twilio-connector:Messages/List?pageSize=25", null);

        assertThat(exchange.getException()).hasMessage("Twilio answered HTTP 200 to Messages List: next_page_uri"
                + " '/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json?To=%2B123456789&From=%2B987654321"
                + "&DateSent%3E=2008-01-02&PageSize=2&Page=1&PageToken=PAMMc26223853f8c46b4ab7dfaa6abba0a26'"
                + " is the page just read");
    }

    @Test
    void everyOperationOfABatteryIsAcceptedByTheDescription() {
        Map<String, Object> battery = ordered(
                "twilio-connector:Messages/Update?entityId=SMb7c0a2ce80504485a6f653a7110836f5", "{\"Body\":\"\"}",
                "twilio-connector:Messages/Delete?entityId=SMb7c0a2ce80504485a6f653a7110836f5", null,
                "twilio-connector:Calls/Create",
                "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Url\":\"http://demo.twilio.com/docs/voice.xml\"}",
                "twilio-connector:Calls/Delete?entityId=CAaa4a99c300bd9d1bcc0d1ae9dcd248c6", null,
                "twilio-connector:Recordings/Get?entityId=RE2e915e78549694bd0a0742d2d39454e5", null,
                "twilio-connector:IncomingPhoneNumbers/Update?entityId=PN4047ac009a15885690a50a1d388b8411",
                "{\"Name\":\"Support line\"}",
                "twilio-connector:OutgoingCallerIds/Update?entityId=PN6f5f9bf39cb1801a6e21a5a80d274bdd",
                "{\"Name\":\"Front desk\"}",
                "twilio-connector:Queues/Create", "{\"Name\":\"support\",\"MaxSize\":10}");

        Map<String, String> refused = api.refused(battery);

        assertThat(refused).as(api::log).isEmpty();
    }

    /**
     * Every action sends its requests as the description has them: each call through the real action, each input
     * rule's alternative once. The list parameters go in Twilio's form, the name repeated once per value.
     */
    @Test
    void everyActionsRequestsAreAcceptedByTheDescription() {
        Map<String, Object> media = Map.of("To", "+15558675310", "Sender", "+15017122661",
                "MediaUrl", List.of("https://example.com/a.png", "https://example.com/b.png"));
        Map<String, Object> callWithUrl = Map.of("To", "+15558675310", "Sender", "+15017122661",
                "Url", "http://demo.twilio.com/docs/voice.xml", "StatusCallback", "https://example.com/calls",
                "StatusCallbackEvent", List.of("initiated", "answered"), "Timeout", 30, "Record", true);
        Map<String, Map<String, Object>> battery = new LinkedHashMap<>();
        battery.put("SendMessage with Body", Map.of("To", "+15558675310", "Sender", "+15017122661",
                "Body", "Your order shipped", "StatusCallback", "https://example.com/status", "ValidityPeriod", 600));
        battery.put("SendMessage with MediaUrl", media);
        battery.put("SendMessage with ContentSid", Map.of("To", "+15558675310", "Sender", "+15017122661",
                "ContentSid", "HXb5b62575e6e4ff6129ad7c8efe1f983e", "ContentVariables", Map.of("1", "Ada")));
        battery.put("SendMessage with SendAt", Map.of("To", "+15558675310",
                "MessagingServiceSid", "MG9752274e9e519418a7406176694466fa", "Body", "Reminder",
                "SendAt", "2026-12-24T09:00:00+01:00"));
        battery.put("MakeCall with Url", callWithUrl);
        battery.put("MakeCall with Twiml", Map.of("To", "+15558675310", "Sender", "+15017122661",
                "Twiml", "<Response><Say>Your order shipped</Say></Response>"));
        battery.put("AddOutgoingCallerIds", Map.of("PhoneNumber", "+14158675310", "Name", "Front desk",
                "CallDelay", 5, "Extension", "1234"));
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, Object> outputs = new LinkedHashMap<>();
        int before = api.requests().size();

        battery.forEach((name, input) -> {
            Exchange exchange = api.call("twilio-connector:actions/" + name.split(" ")[0], input);
            if (exchange.getException() != null) {
                refused.put(name, exchange.getException().getMessage());
            }
            outputs.put(name, exchange.getMessage().getBody());
        });

        assertThat(refused).as(api::log).isEmpty();
        List<RecordingProxy.SentRequest> sent = api.requests().subList(before, api.requests().size());
        assertThat(sent).extracting(RecordingProxy.SentRequest::path).containsExactly(
                accountPath("Messages.json"), accountPath("Messages.json"), accountPath("Messages.json"),
                accountPath("Messages.json"), accountPath("Calls.json"), accountPath("Calls.json"),
                accountPath("OutgoingCallerIds.json"));
        assertThat(sent.get(1).values("MediaUrl")).containsExactly("https://example.com/a.png", "https://example.com/b.png");
        assertThat(sent.get(2).values("ContentVariables")).containsExactly("{\"1\":\"Ada\"}");
        assertThat(sent.get(3).values("SendAt")).containsExactly("2026-12-24T08:00:00Z");
        assertThat(sent.get(3).values("ScheduleType")).containsExactly("fixed");
        assertThat(sent.get(4).values("StatusCallbackEvent")).containsExactly("initiated", "answered");
        assertThat(sent.get(4).values("Record")).containsExactly("true");
        assertThat(sent.get(6).form()).containsExactly(entry("PhoneNumber", "+14158675310"),
                entry("FriendlyName", "Front desk"), entry("CallDelay", "5"), entry("Extension", "1234"));
        assertThat(outputs.get("AddOutgoingCallerIds")).isEqualTo(Map.of("ValidationCode", "111111",
                "CallSid", "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "PhoneNumber", "+18001234567", "Name", "friendly_name"));
    }

    private static String accountPath(String rest) {
        return "/2010-04-01/Accounts/" + ACCOUNT + "/" + rest;
    }
}
