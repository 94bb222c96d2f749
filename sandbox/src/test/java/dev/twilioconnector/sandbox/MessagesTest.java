package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest extends SandboxTestSupport {

    /** {@code Fri, 24 May 2019 17:44:46 +0000}. */
    static final String RFC_2822 = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000";

    @Test
    void createAnswers201WithTwiliosShape() {
        Http.Reply reply = http.post(Http.account(sandbox, "Messages.json"),
                Map.of("To", "whatsapp:+91789230000", "From", "whatsapp:+14155238886", "Body", "Hello"));

        assertThat(reply.status()).isEqualTo(201);
        Map<String, Object> message = reply.json();
        String sid = (String) message.get("sid");
        assertThat(sid).matches("SM[0-9a-f]{32}");
        assertThat(message)
                .containsEntry("account_sid", sandbox.accountSid())
                .containsEntry("to", "whatsapp:+91789230000")
                .containsEntry("from", "whatsapp:+14155238886")
                .containsEntry("body", "Hello")
                .containsEntry("status", "queued")
                .containsEntry("direction", "outbound-api")
                .containsEntry("num_segments", "1")
                .containsEntry("num_media", "0")
                .containsEntry("price", null)
                .containsEntry("date_sent", null)
                .containsEntry("api_version", "2010-04-01")
                .containsEntry("uri", Http.account(sandbox, "Messages/" + sid + ".json"));
        assertThat((String) message.get("date_created")).matches(RFC_2822);
        assertThat((String) message.get("date_updated")).matches(RFC_2822);
        assertThat(message.get("subresource_uris")).isEqualTo(Map.of(
                "media", Http.account(sandbox, "Messages/" + sid + "/Media.json"),
                "feedback", Http.account(sandbox, "Messages/" + sid + "/Feedback.json")));
        assertThat(reply.text()).doesNotContain("\"numSegments\"").contains("\"num_segments\":\"1\"");
        assertThat(http.get(Http.account(sandbox, "Messages/" + sid + ".json")).json()).isEqualTo(message);
    }

    @Test
    void repeatedMediaUrlCountsAsMedia() {
        Map<String, Object> message = http.post(Http.account(sandbox, "Messages.json"), Map.of("To", "+15558675310",
                "From", "+15017122661", "MediaUrl", new String[] {"https://a.example/1.jpg", "https://a.example/2.jpg"}))
                .json();

        assertThat(message).containsEntry("num_media", "2");
    }

    @Test
    void missingRequiredFieldsAre400WithTwiliosCodes() {
        assertError(http.post(Http.account(sandbox, "Messages.json"), Map.of("From", "+15017122661", "Body", "x")),
                400, 21604, "A 'To' phone number is required.");
        assertError(http.post(Http.account(sandbox, "Messages.json"), Map.of("To", "+15558675310", "Body", "x")),
                400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
        assertError(http.post(Http.account(sandbox, "Messages.json"), Map.of("To", "+15558675310",
                "MessagingServiceSid", "MG" + "0".repeat(32))), 400, 21602, "Message body is required.");
        assertError(http.post(Http.account(sandbox, "Calls.json"), Map.of("From", "+15017122661",
                "Url", "https://example.com/twiml")), 400, 21201, "No 'To' number is specified");
        assertThat(sandbox.records("Messages")).isEmpty();
    }

    @Test
    void unknownRecordIs404WithCode20404() {
        String path = Http.account(sandbox, "Messages/SM" + "0".repeat(32) + ".json");

        assertError(http.get(path), 404, 20404, "The requested resource " + path + " was not found");
    }

    @Test
    void deleteAnswers204WithEmptyBodyThen404() {
        String sid = (String) sandbox.put("Messages", Map.of("to", "+15558675310")).get("sid");
        String path = Http.account(sandbox, "Messages/" + sid + ".json");

        Http.Reply deleted = http.delete(path);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertThat(http.get(path).status()).isEqualTo(404);
        assertThat(http.delete(path).status()).isEqualTo(404);
    }

    @Test
    void updateWithEmptyBodyRedactsAndCancelIsAllowed() {
        String sid = "SM3ad97d41e786c02bca47c8ce1745053b";
        sandbox.put("Messages", Map.of("sid", sid, "to", "+15558675310", "body", "secret",
                "date_created", "Fri, 24 May 2019 17:44:46 +0000"));

        Http.Reply redacted = http.post(Http.account(sandbox, "Messages/" + sid + ".json"), Map.of("Body", ""));
        Http.Reply canceled = http.post(Http.account(sandbox, "Messages/" + sid + ".json"),
                Map.of("Status", "canceled"));

        assertThat(redacted.status()).isEqualTo(200);
        assertThat(redacted.json()).containsEntry("body", "").containsEntry("to", "+15558675310")
                .containsEntry("date_created", "Fri, 24 May 2019 17:44:46 +0000");
        assertThat(canceled.json()).containsEntry("status", "canceled").containsEntry("body", "");
        assertThat(sandbox.records("Messages")).singleElement().satisfies(m ->
                assertThat(m).containsEntry("body", "").containsEntry("status", "canceled"));
    }

    @Test
    void methodsTheResourceDoesNotAllowAre405() {
        assertError(http.method("PUT", Http.account(sandbox, "Messages.json")), 405, 20004, "Method not allowed");
        assertError(http.post(Http.account(sandbox, "Recordings.json"), Map.of()), 405, 20004,
                "Method not allowed");
        assertError(http.delete(Http.account(sandbox, "Messages.json")), 405, 20004, "Method not allowed");
    }

    static void assertError(Http.Reply reply, int status, int code, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json()).isEqualTo(Map.of("code", code, "message", message,
                "more_info", "https://www.twilio.com/docs/errors/" + code, "status", status));
    }
}
