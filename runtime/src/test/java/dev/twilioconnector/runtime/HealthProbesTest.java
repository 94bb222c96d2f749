package dev.twilioconnector.runtime;

import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness and readiness apart: while Twilio rejects the credentials or cannot be reached, the runner is not ready,
 * and says why, but it is alive, so an orchestrator waits for Twilio instead of restarting it.
 */
class HealthProbesTest {

    @Test
    void rejectedCredentialsMakeTheRunnerUnreadyButNotDead() throws Exception {
        try (TwilioSandbox twilio = TwilioSandbox.start();
             RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml", Map.of(
                     "twilio.account_sid", twilio.accountSid(),
                     "twilio.auth_token", "rejected-token",
                     "twilio.base_url", twilio.baseUrl()))) {
            HttpResponse<String> live = runner.get("/observe/health/live");
            HttpResponse<String> ready = runner.get("/observe/health/ready");

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"UP\"").doesNotContain("twilio-connector-twilio");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"DOWN\"")
                    .contains("Twilio rejects the credentials: Twilio answered HTTP 401 with error 20003");
        }
    }

    @Test
    void anUnreachableTwilioMakesTheRunnerUnreadyButNotDead() throws Exception {
        TwilioSandbox stopped = TwilioSandbox.start();
        String unreachable = stopped.baseUrl();
        stopped.close();
        try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml", Map.of(
                "twilio.account_sid", stopped.accountSid(),
                "twilio.auth_token", stopped.authToken(),
                "twilio.base_url", unreachable))) {
            HttpResponse<String> live = runner.get("/observe/health/live");
            HttpResponse<String> ready = runner.get("/observe/health/ready");

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"status\":\"UP\"");
            assertThat(ready.statusCode()).isEqualTo(503);
            // Camel's health output escapes the slashes of the URL in the message
            assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("Twilio is unreachable at http:")
                    .contains(unreachable.substring("http://".length()) + ": Could not reach Twilio for Accounts Get")
                    .contains("Connection refused");
        }
    }
}
