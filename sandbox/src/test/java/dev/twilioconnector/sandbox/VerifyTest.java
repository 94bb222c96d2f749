package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio Verify v2 under {@code /verify}, over HTTP as a client sees it. */
class VerifyTest extends SandboxTestSupport {

    private static final String TO = "+15017122661";
    private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Test
    void aServiceIsCreatedFetchedAndListedWithMeta() {
        Http.Reply created = http.post("/verify/v2/Services", Map.of("FriendlyName", "Login"));
        String sid = (String) created.json().get("sid");

        assertThat(created.status()).isEqualTo(201);
        assertThat(sid).matches("VA[0-9a-f]{32}");
        assertThat(created.json()).containsEntry("friendly_name", "Login").containsEntry("code_length", 6)
                .containsEntry("account_sid", sandbox.accountSid())
                .containsEntry("url", "https://verify.twilio.com/v2/Services/" + sid);
        assertThat((String) created.json().get("date_created")).matches(ISO_SECONDS);
        assertThat(http.get("/verify/v2/Services/" + sid).json()).isEqualTo(created.json());

        http.post("/verify/v2/Services", Map.of("FriendlyName", "Signup"));
        Map<String, Object> first = http.get("/verify/v2/Services?PageSize=1").json();
        Map<String, Object> last = http.get("/verify/v2/Services?PageSize=1&Page=1").json();
        assertThat(names(first)).containsExactly("Signup");
        assertThat(meta(first)).containsEntry("key", "services").containsEntry("page_size", 1)
                .containsEntry("next_page_url", "https://verify.twilio.com/v2/Services?PageSize=1&Page=1");
        assertThat(names(last)).containsExactly("Login");
        assertThat(meta(last)).containsEntry("next_page_url", null);
    }

    @Test
    void aVerificationIsPendingUntilCheckedWithItsCode() {
        String service = service();
        Http.Reply started = http.post(verifications(service), Map.of("To", TO, "Channel", "sms"));
        String code = sandbox.verificationCode(service, TO);

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json()).containsEntry("status", "pending").containsEntry("valid", false)
                .containsEntry("to", TO).containsEntry("channel", "sms").containsEntry("service_sid", service);
        assertThat(code).matches("\\d{6}");

        Http.Reply wrong = http.post(check(service), Map.of("To", TO, "Code", otherThan(code)));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json()).containsEntry("status", "pending").containsEntry("valid", false);

        Http.Reply right = http.post(check(service), Map.of("To", TO, "Code", code));
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json()).containsEntry("status", "approved").containsEntry("valid", true)
                .containsEntry("sid", started.json().get("sid"));
        assertThat(http.get(verifications(service) + "/" + started.json().get("sid")).json())
                .containsEntry("status", "approved");

        Http.Reply again = http.post(check(service), Map.of("To", TO, "Code", code));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json()).containsEntry("code", 20404);
    }

    @Test
    void fiveWrongChecksCancelTheVerificationAndTheNextCheckIsNotFound() {
        String service = service();
        String sid = (String) http.post(verifications(service), Map.of("To", TO, "Channel", "sms")).json().get("sid");
        String wrongCode = otherThan(sandbox.verificationCode(service, TO));

        for (int i = 1; i <= 4; i++) {
            assertThat(http.post(check(service), Map.of("To", TO, "Code", wrongCode)).json())
                    .containsEntry("status", "pending");
        }
        assertThat(http.post(check(service), Map.of("To", TO, "Code", wrongCode)).json())
                .containsEntry("status", "canceled").containsEntry("valid", false);
        Http.Reply sixth = http.post(check(service), Map.of("VerificationSid", sid, "Code", wrongCode));

        assertThat(sixth.status()).isEqualTo(404);
        assertThat(sixth.json()).containsEntry("code", 20404).containsEntry("status", 404);
        assertThat(http.get(verifications(service) + "/" + sid).json()).containsEntry("status", "canceled");
    }

    @Test
    void theCodeIsReadThroughTheAdminApiAndBadInputIsTwiliosError() {
        String service = service();
        http.post(verifications(service), Map.of("To", TO, "Channel", "sms"));
        Http admin = new Http(sandbox.baseUrl(), null, null);

        Map<String, Object> read = admin.get("/sandbox/verification-code?serviceSid=" + service
                + "&to=" + Params.encode(TO)).json();
        assertThat(read).containsEntry("code", sandbox.verificationCode(service, TO));
        assertThat(admin.get("/sandbox/verification-code?serviceSid=" + service + "&to=%2B1999").status())
                .isEqualTo(404);

        Http.Reply badChannel = http.post(verifications(service), Map.of("To", TO, "Channel", "pigeon"));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.json()).containsEntry("code", 60200).containsEntry("message",
                "Invalid parameter: Channel must be one of auto, call, email, sms, sna, whatsapp, got 'pigeon'");
        assertThat(http.post(verifications("VA" + "0".repeat(32)), Map.of("To", TO, "Channel", "sms")).status())
                .isEqualTo(404);
        assertThat(new Http(sandbox.baseUrl(), sandbox.accountSid(), "wrong").get("/verify/v2/Services").status())
                .isEqualTo(401);
        assertThat(sandbox.requests()).extracting(RecordedRequest::path).contains(verifications(service));
    }

    private static String service() {
        return (String) http.post("/verify/v2/Services", Map.of("FriendlyName", "Login")).json().get("sid");
    }

    private static String verifications(String service) {
        return "/verify/v2/Services/" + service + "/Verifications";
    }

    private static String check(String service) {
        return "/verify/v2/Services/" + service + "/VerificationCheck";
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("services")).stream().map(s -> s.get("friendly_name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> page) {
        return (Map<String, Object>) page.get("meta");
    }
}
