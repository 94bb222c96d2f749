package dev.twilioconnector.contract;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.Exchange;
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
 * Verify services, verifications and their checks, through the catalog's {@code Verify.*} entities, against Prism
 * serving Twilio's {@code twilio_verify_v2.json}: no request refused, the records Twilio's examples.
 */
class VerifyPrismContractTest {

    private static final String SERVICE = "VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SERVICES = "/v2/Services";
    private static final String IN_SERVICE = SERVICES + "/" + SERVICE;
    private static PrismProduct verify;

    @BeforeAll
    static void startPrism() throws Exception {
        verify = PrismProduct.start("verify", "twilio_verify_v2.json");
    }

    @AfterAll
    static void stopPrism() {
        if (verify != null) {
            verify.close();
        }
    }

    @Test
    void everyOperationOnServicesVerificationsAndChecksIsAcceptedByTheDescription() {
        Map<String, Object> battery = ordered(
                "twilio-connector:Verify.Services/Create", "{\"Name\":\"My shop\",\"CodeLength\":6}",
                "twilio-connector:Verify.Services/List?pageSize=5", null,
                "twilio-connector:Verify.Services/Get?entityId=" + SERVICE, null,
                "twilio-connector:Verify.Services/Update?entityId=" + SERVICE, "{\"Name\":\"My other shop\"}",
                "twilio-connector:Verify.Verifications/Create",
                "{\"ServiceSid\":\"" + SERVICE + "\",\"To\":\"+15017122661\",\"Channel\":\"sms\"}",
                "twilio-connector:Verify.VerificationChecks/Create",
                "{\"ServiceSid\":\"" + SERVICE + "\",\"To\":\"+15017122661\",\"Code\":\"123456\"}");
        int before = verify.requests().size();

        Map<String, String> refused = verify.refused(battery);

        assertThat(refused).as(verify::log).isEmpty();
        assertThat(verify.requestsSince(before))
                .extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(tuple("POST", SERVICES), tuple("GET", SERVICES), tuple("GET", IN_SERVICE),
                        tuple("POST", IN_SERVICE), tuple("POST", IN_SERVICE + "/Verifications"),
                        tuple("POST", IN_SERVICE + "/VerificationCheck"));
    }

    @Test
    void aVerifyServiceIsCreatedListedAndReadAsTwiliosExamplesSay() {
        Map<String, Object> created = verify.record("twilio-connector:Verify.Services/Create", "{\"Name\":\"My shop\"}");
        Map<String, Object> read = verify.record("twilio-connector:Verify.Services/Get", null,
                Map.of(TwilioConnectorConstants.ENTITY_ID, SERVICE));
        Exchange listed = verify.call("twilio-connector:Verify.Services/List", null);

        assertThat(created).contains(entry("Sid", SERVICE), entry("Name", "name"), entry("CodeLength", 4));
        assertThat(read).contains(entry("Sid", SERVICE), entry("DateCreated", "2015-07-30T20:00:00Z"),
                entry("LookupEnabled", false));
        assertThat(listed.getException()).as(verify::log).isNull();
        assertThat(listed.getMessage().getBody(List.class)).extracting(service -> ((Map<?, ?>) service).get("Sid"))
                .containsExactly(SERVICE);
        assertThat(listed.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN)).isNull();
    }

    @Test
    void aVerificationIsStartedForAServiceGivenInThePayload() {
        int before = verify.requests().size();

        Map<String, Object> verification = verify.record("twilio-connector:Verify.Verifications/Create",
                "{\"ServiceSid\":\"" + SERVICE + "\",\"To\":\"+15017122661\",\"Channel\":\"sms\"}");

        List<RecordingProxy.SentRequest> sent = verify.requestsSince(before);
        assertThat(sent).extracting(RecordingProxy.SentRequest::line).containsExactly("POST " + IN_SERVICE + "/Verifications");
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("To", "+15017122661"), entry("Channel", "sms"));
        assertThat(verification).contains(entry("ServiceSid", SERVICE), entry("To", "+15017122661"),
                entry("Channel", "sms"), entry("Status", "pending"));
    }
}
