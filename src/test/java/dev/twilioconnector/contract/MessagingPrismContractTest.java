package dev.twilioconnector.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Messaging Services and the senders in them, through the catalog's {@code Messaging.*} entities, against Prism
 * serving Twilio's {@code twilio_messaging_v1.json}: no request refused, the records Twilio's examples.
 */
class MessagingPrismContractTest {

    private static final String SERVICE = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String NUMBER = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SHORT_CODE = "SCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String ALPHA_SENDER = "AIaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SERVICES = "/v1/Services";
    private static final String IN_SERVICE = SERVICES + "/" + SERVICE;
    private static PrismProduct messaging;

    @BeforeAll
    static void startPrism() throws Exception {
        messaging = PrismProduct.start("messaging", "twilio_messaging_v1.json");
    }

    @AfterAll
    static void stopPrism() {
        if (messaging != null) {
            messaging.close();
        }
    }

    @Test
    void everyOperationOnServicesAndTheirSendersIsAcceptedByTheDescription() {
        Map<String, Object> inService = Map.of("ServiceSid", SERVICE);
        Map<String, Object> battery = ordered(
                "twilio-connector:Messaging.Services/Create", Map.of("Name", "Shop notifications"),
                "twilio-connector:Messaging.Services/List?pageSize=5", null,
                "twilio-connector:Messaging.Services/Get?entityId=" + SERVICE, null,
                "twilio-connector:Messaging.Services/Update?entityId=" + SERVICE, Map.of("StickySender", false),
                "twilio-connector:Messaging.PhoneNumbers/Create", Map.of("ServiceSid", SERVICE, "PhoneNumberSid", NUMBER),
                "twilio-connector:Messaging.PhoneNumbers/List?filterClause=ServiceSid = '" + SERVICE + "'", null,
                "twilio-connector:Messaging.PhoneNumbers/Get?entityId=" + NUMBER, inService,
                "twilio-connector:Messaging.PhoneNumbers/Delete?entityId=" + NUMBER, inService,
                "twilio-connector:Messaging.ShortCodes/Create", Map.of("ServiceSid", SERVICE, "ShortCodeSid", SHORT_CODE),
                "twilio-connector:Messaging.ShortCodes/List?filterClause=ServiceSid = '" + SERVICE + "'", null,
                "twilio-connector:Messaging.ShortCodes/Get?entityId=" + SHORT_CODE, inService,
                "twilio-connector:Messaging.ShortCodes/Delete?entityId=" + SHORT_CODE, inService,
                "twilio-connector:Messaging.AlphaSenders/Create", Map.of("ServiceSid", SERVICE, "AlphaSender", "MyShop"),
                "twilio-connector:Messaging.AlphaSenders/List?filterClause=ServiceSid = '" + SERVICE + "'", null,
                "twilio-connector:Messaging.AlphaSenders/Get?entityId=" + ALPHA_SENDER, inService,
                "twilio-connector:Messaging.AlphaSenders/Delete?entityId=" + ALPHA_SENDER, inService,
                "twilio-connector:Messaging.Services/Delete?entityId=" + SERVICE, null);
        int before = messaging.requests().size();

        Map<String, String> refused = messaging.refused(battery);

        assertThat(refused).as(messaging::log).isEmpty();
        assertThat(messaging.requestsSince(before)).extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(
                        tuple("POST", SERVICES), tuple("GET", SERVICES), tuple("GET", IN_SERVICE), tuple("POST", IN_SERVICE),
                        tuple("POST", IN_SERVICE + "/PhoneNumbers"), tuple("GET", IN_SERVICE + "/PhoneNumbers"),
                        tuple("GET", IN_SERVICE + "/PhoneNumbers/" + NUMBER), tuple("DELETE", IN_SERVICE + "/PhoneNumbers/" + NUMBER),
                        tuple("POST", IN_SERVICE + "/ShortCodes"), tuple("GET", IN_SERVICE + "/ShortCodes"),
                        tuple("GET", IN_SERVICE + "/ShortCodes/" + SHORT_CODE), tuple("DELETE", IN_SERVICE + "/ShortCodes/" + SHORT_CODE),
                        tuple("POST", IN_SERVICE + "/AlphaSenders"), tuple("GET", IN_SERVICE + "/AlphaSenders"),
                        tuple("GET", IN_SERVICE + "/AlphaSenders/" + ALPHA_SENDER),
                        tuple("DELETE", IN_SERVICE + "/AlphaSenders/" + ALPHA_SENDER),
                        tuple("DELETE", IN_SERVICE));
    }

    @Test
    void aServiceIsCreatedWithTwiliosParameterNamesAndReadBackAsTwiliosExample() {
        int before = messaging.requests().size();

        Map<String, Object> created = messaging.record("twilio-connector:Messaging.Services/Create", ordered(
                "Name", "Shop notifications", "InboundRequestUrl", "https://example.com/inbound", "InboundMethod", "POST",
                "StickySender", true, "ValidityPeriod", 600, "Usecase", "notifications"));

        assertThat(messaging.requestsSince(before).get(0).form()).containsExactlyInAnyOrder(
                entry("FriendlyName", "Shop notifications"), entry("InboundRequestUrl", "https://example.com/inbound"),
                entry("InboundMethod", "POST"), entry("StickySender", "true"), entry("ValidityPeriod", "600"),
                entry("Usecase", "notifications"));
        assertThat(created).contains(entry("Sid", SERVICE), entry("AccountSid", PrismProduct.ACCOUNT),
                entry("Name", "My Service!"), entry("DateCreated", "2015-07-30T20:12:31Z"),
                entry("DateUpdated", "2015-07-30T20:12:33Z"), entry("InboundRequestUrl", "https://www.example.com/"),
                entry("FallbackMethod", "GET"), entry("StickySender", true), entry("SmartEncoding", false),
                entry("ScanMessageContent", "inherit"), entry("ValidityPeriod", 600), entry("Usecase", "marketing"),
                entry("UsAppToPersonRegistered", false));
    }

    @Test
    void servicesAreListedReadAndUpdatedAsTwiliosExamplesSay() {
        int before = messaging.requests().size();

        List<Map<String, Object>> listed = messaging.records("twilio-connector:Messaging.Services/List?pageSize=5");
        Map<String, Object> read = messaging.record("twilio-connector:Messaging.Services/Get?entityId=" + SERVICE, null);
        Map<String, Object> updated = messaging.record("twilio-connector:Messaging.Services/Update?entityId=" + SERVICE,
                Map.of("StickySender", false));

        List<RecordingProxy.SentRequest> sent = messaging.requestsSince(before);
        assertThat(sent.get(0).queryParameters()).containsExactly(entry("PageSize", "5"));
        assertThat(sent.get(2).form()).containsExactly(entry("StickySender", "false"));
        assertThat(listed).singleElement().satisfies(service -> assertThat(service).contains(entry("Sid", SERVICE),
                entry("Name", "My Service!"), entry("FallbackUrl", null), entry("FallbackMethod", "POST"),
                entry("UseInboundWebhookOnNumber", false)));
        assertThat(read).contains(entry("Sid", SERVICE), entry("Name", "My Service!"), entry("FallbackUrl", null),
                entry("StatusCallback", "https://www.example.com"), entry("UseInboundWebhookOnNumber", true));
        assertThat(updated).contains(entry("Sid", SERVICE), entry("StickySender", false), entry("MmsConverter", true));
    }

    /** Prism answers with the lowest success status the description gives: adding a number answers 200 before 201. */
    @Test
    void aPhoneNumberIsAddedToTheServiceThePayloadNamesAndListedByIt() {
        int before = messaging.requests().size();

        Map<String, Object> added = messaging.record("twilio-connector:Messaging.PhoneNumbers/Create",
                Map.of("ServiceSid", SERVICE, "PhoneNumberSid", NUMBER));
        List<Map<String, Object>> listed = messaging.records(
                "twilio-connector:Messaging.PhoneNumbers/List?filterClause=ServiceSid = '" + SERVICE + "'");

        List<RecordingProxy.SentRequest> sent = messaging.requestsSince(before);
        assertThat(sent.get(0).path()).isEqualTo(IN_SERVICE + "/PhoneNumbers");
        assertThat(sent.get(0).form()).containsExactly(entry("PhoneNumberSid", NUMBER));
        assertThat(sent.get(1).queryParameters()).containsExactly(entry("PageSize", "25"));
        assertThat(added).contains(entry("Sid", NUMBER), entry("ServiceSid", SERVICE), entry("PhoneNumber", "+987654321"),
                entry("CountryCode", "US"), entry("Capabilities", List.of("MMS", "SMS", "Voice")), entry("DateCreated", "2015-07-30T20:12:31Z"));
        assertThat(listed).extracting(number -> number.get("Sid"), number -> number.get("PhoneNumber"))
                .containsExactly(tuple(NUMBER, "+987654321"));
    }

    /**
     * An A2P 10DLC campaign of a service: its message samples and keywords go as Twilio takes a list, the name once per
     * value, in the order given.
     */
    @Test
    void aCampaignIsRegisteredForTheServiceWithItsSamplesAsRepeatedParameters() {
        int before = messaging.requests().size();

        Map<String, Object> campaign = messaging.record("twilio-connector:Messaging.UsAppToPersons/Create", ordered(
                "MessagingServiceSid", SERVICE, "BrandRegistrationSid", "BNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "Description", "Order updates and delivery notices for customers who opted in at checkout.",
                "MessageFlow", "Customers opt in by ticking a box at checkout on www.example.com.",
                "MessageSamples", List.of("Your order 1234 has shipped.", "Your order 1234 was delivered."),
                "UsAppToPersonUsecase", "ACCOUNT_NOTIFICATION", "HasEmbeddedLinks", false, "HasEmbeddedPhone", false,
                "OptOutKeywords", List.of("STOP", "END")));

        RecordingProxy.SentRequest sent = messaging.requestsSince(before).get(0);
        assertThat(sent.path()).isEqualTo(IN_SERVICE + "/Compliance/Usa2p");
        assertThat(sent.values("MessageSamples")).containsExactly("Your order 1234 has shipped.", "Your order 1234 was delivered.");
        assertThat(sent.values("OptOutKeywords")).containsExactly("STOP", "END");
        assertThat(sent.values("HasEmbeddedLinks")).containsExactly("false");
        assertThat(campaign).contains(entry("Sid", "QE2c6890da8086d771620e9b13fadeba0b"), entry("MessagingServiceSid", SERVICE),
                entry("UsAppToPersonUsecase", "MARKETING"), entry("HasEmbeddedLinks", true), entry("CampaignStatus", "PENDING"),
                entry("MessageSamples", List.of("EXPRESS: Denim Days Event is ON",
                        "LAST CHANCE: Book your next flight for just 1 (ONE) EUR")));
    }
}
