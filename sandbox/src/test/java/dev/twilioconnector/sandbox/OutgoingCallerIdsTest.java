package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingCallerIdsTest extends SandboxTestSupport {

    @Test
    void aPostIsAValidationRequestAnsweredWithTheCodeAndTheCallAsTwilioDoes() {
        Http.Reply reply = http.post(Http.account(sandbox, "OutgoingCallerIds.json"),
                Map.of("PhoneNumber", "+14158675310", "FriendlyName", "Front desk", "CallDelay", "5", "Extension", "1234"));

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> request = reply.json();
        assertThat(request).containsOnlyKeys("account_sid", "call_sid", "friendly_name", "phone_number", "validation_code")
                .containsEntry("account_sid", sandbox.accountSid())
                .containsEntry("friendly_name", "Front desk")
                .containsEntry("phone_number", "+14158675310");
        assertThat(request.get("call_sid")).asString().matches("CA[0-9a-f]{32}");
        assertThat(request.get("validation_code")).asString().matches("\\d{6}");
        assertThat(sandbox.records("OutgoingCallerIds")).singleElement()
                .satisfies(callerId -> assertThat(callerId).containsEntry("phone_number", "+14158675310")
                        .containsEntry("friendly_name", "Front desk"));
    }
}
