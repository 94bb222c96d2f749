package dev.twilioconnector.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.webhook.TwilioSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's message status callback over real HTTP to the runner's /message-status (routes/message-status-callbacks.yaml):
 * signed with the account's Auth Token it is answered with empty TwiML and recorded in a file; unsigned or forged
 * it is answered 403 and never reaches the flow.
 */
class WebhookCallbackTest {

    private static final String PATH = "/message-status";
    private static RunningRuntime runner;

    @BeforeAll
    static void startRunner() throws Exception {
        runner = RunningRuntime.start("file:" + RunningRuntime.ROUTES + "/message-status-callbacks.yaml", Map.of());
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    @Test
    void aSignedCallbackIsAnsweredWithTwimlAndRecorded() throws Exception {
        Map<String, List<String>> params = callback("SM1f0e2d3c4b5a69788796a5b4c3d2e1f0", "delivered");
        String signature = new TwilioSignature(runner.sandbox().authToken()).sign(runner.url(PATH), params);

        HttpResponse<String> answer = runner.postForm(PATH, form(params), Map.of("X-Twilio-Signature", signature));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(answer.body()).isEqualTo("<Response/>");
        Map<String, Object> recorded = new ObjectMapper().readValue(
                Files.readString(recorded("SM1f0e2d3c4b5a69788796a5b4c3d2e1f0")), new TypeReference<>() { });
        assertThat(recorded).containsEntry("Sid", "SM1f0e2d3c4b5a69788796a5b4c3d2e1f0").containsEntry("Status", "delivered")
                .containsEntry("AccountSid", runner.sandbox().accountSid()).containsEntry("To", "+15558675310");
    }

    @Test
    void anUnsignedCallbackIsRefusedAndNotRecorded() throws Exception {
        Map<String, List<String>> params = callback("SM2f0e2d3c4b5a69788796a5b4c3d2e1f0", "failed");

        HttpResponse<String> answer = runner.postForm(PATH, form(params), Map.of());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("Forbidden: X-Twilio-Signature is missing or wrong");
        assertThat(recorded("SM2f0e2d3c4b5a69788796a5b4c3d2e1f0")).doesNotExist();
    }

    @Test
    void aCallbackSignedWithAnotherTokenIsRefusedAndNotRecorded() throws Exception {
        Map<String, List<String>> params = callback("SM3f0e2d3c4b5a69788796a5b4c3d2e1f0", "undelivered");
        String forged = new TwilioSignature("not-the-accounts-token").sign(runner.url(PATH), params);

        HttpResponse<String> answer = runner.postForm(PATH, form(params), Map.of("X-Twilio-Signature", forged));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(recorded("SM3f0e2d3c4b5a69788796a5b4c3d2e1f0")).doesNotExist();
    }

    @Test
    void aSignedCallbackWhoseParametersWereChangedIsRefused() throws Exception {
        Map<String, List<String>> params = callback("SM4f0e2d3c4b5a69788796a5b4c3d2e1f0", "failed");
        String signature = new TwilioSignature(runner.sandbox().authToken()).sign(runner.url(PATH), params);
        params.put("MessageStatus", List.of("delivered"));

        HttpResponse<String> answer = runner.postForm(PATH, form(params), Map.of("X-Twilio-Signature", signature));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(recorded("SM4f0e2d3c4b5a69788796a5b4c3d2e1f0")).doesNotExist();
    }

    /** The parameters of Twilio's status callback for an outbound message. */
    private static Map<String, List<String>> callback(String sid, String status) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("MessageSid", List.of(sid));
        params.put("MessageStatus", List.of(status));
        params.put("AccountSid", List.of(runner.sandbox().accountSid()));
        params.put("From", List.of("+15017122661"));
        params.put("To", List.of("+15558675310"));
        params.put("ApiVersion", List.of("2010-04-01"));
        return params;
    }

    private static String form(Map<String, List<String>> params) {
        return params.entrySet().stream().flatMap(param -> param.getValue().stream()
                        .map(value -> encode(param.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Path recorded(String sid) {
        return runner.flowsDir().resolve("message-status").resolve(sid + ".json");
    }
}
