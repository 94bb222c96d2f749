package dev.twilioconnector.products;

import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verify's one-time code end to end: the catalog's Verify entities against the sandbox's Verify, served under a path
 * prefix on its own host as a private endpoint would be.
 */
class VerifyOverSandboxTest extends SandboxTestSupport {

    private static final String TO = "+15017122661";

    @Test
    void aVerificationIsPendingUntilCheckedWithTheCodeSent() {
        String service = createService();
        Map<String, Object> started = record(callOk("twilio-connector:Verify.Verifications/Create",
                Map.of("ServiceSid", service, "To", TO, "Channel", "sms")));
        String code = sandbox.verificationCode(service, TO);

        Map<String, Object> wrong = record(callOk("twilio-connector:Verify.VerificationChecks/Create",
                Map.of("ServiceSid", service, "To", TO, "Code", otherThan(code))));
        Map<String, Object> right = record(callOk("twilio-connector:Verify.VerificationChecks/Create",
                Map.of("ServiceSid", service, "To", TO, "Code", code)));

        assertThat(started).containsEntry("Status", "pending").containsEntry("To", TO)
                .containsEntry("Channel", "sms").containsEntry("ServiceSid", service);
        assertThat((String) started.get("Sid")).matches("VE[0-9a-f]{32}");
        assertThat(wrong).containsEntry("Status", "pending").containsEntry("Valid", false);
        assertThat(right).containsEntry("Status", "approved").containsEntry("Valid", true)
                .containsEntry("Sid", started.get("Sid"));
        String prefix = "/verify/v2/Services";
        assertThat(requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST " + prefix,
                "POST " + prefix + "/" + service + "/Verifications",
                "POST " + prefix + "/" + service + "/VerificationCheck",
                "POST " + prefix + "/" + service + "/VerificationCheck");
        assertThat(requests()).extracting(RecordedRequest::formParams).containsExactly(
                Map.of("FriendlyName", List.of("Login")),
                Map.of("To", List.of(TO), "Channel", List.of("sms")),
                Map.of("To", List.of(TO), "Code", List.of(otherThan(code))),
                Map.of("To", List.of(TO), "Code", List.of(code)));
        assertThat(requests()).extracting(RecordedRequest::authUser).containsOnly(sandbox.accountSid());
    }

    @Test
    void aServiceIsReadBackWithItsIsoDates() {
        String service = createService();

        Map<String, Object> fetched = record(callOk("twilio-connector:Verify.Services/Get?entityId=" + service, null));

        assertThat(fetched).containsEntry("Sid", service).containsEntry("Name", "Login")
                .containsEntry("CodeLength", 6);
        assertThat(String.valueOf(fetched.get("DateCreated"))).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(requests()).last().extracting(r -> r.method() + " " + r.path())
                .isEqualTo("GET /verify/v2/Services/" + service);
    }

    private String createService() {
        Map<String, Object> service = record(callOk("twilio-connector:Verify.Services/Create",
                Map.of("FriendlyName", "Login")));
        return (String) service.get("Sid");
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
