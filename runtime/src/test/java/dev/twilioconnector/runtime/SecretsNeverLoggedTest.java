package dev.twilioconnector.runtime;

import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.support.LoopbackProxy;
import dev.twilioconnector.support.LoopbackProxy.Auth;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run whose Auth Token Twilio rejects, through a proxy with a password, every logger at TRACE and HttpClient's
 * wire log on: neither secret, nor the Basic header that carries it, appears in any log line, in the health
 * output or in the metrics.
 */
class SecretsNeverLoggedTest {

    private final String token = "tok-" + UUID.randomUUID();
    private final String proxyPassword = "pw-" + UUID.randomUUID();

    @Test
    void noSecretInAnyLogLineHealthOrMetrics() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        String health;
        String metrics;
        List<String> secrets;
        try (TwilioSandbox twilio = TwilioSandbox.start();
             LoopbackProxy proxy = LoopbackProxy.start(Auth.BASIC, "connector", proxyPassword)) {
            secrets = List.of(token, proxyPassword, base64(twilio.accountSid() + ':' + token), base64("connector:" + proxyPassword));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            logging.reconfigure();
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.TRACE);
            try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.ROUTES + "/create-message.yaml", Map.of(
                    "camel.component.twilio-connector.account-sid", twilio.accountSid(),
                    "camel.component.twilio-connector.auth-token", token,
                    "camel.component.twilio-connector.base-url", twilio.baseUrl(),
                    "camel.component.twilio-connector.log-level", "TRACE",
                    "camel.component.twilio-connector.proxy-enabled", "true",
                    "camel.component.twilio-connector.proxy-host", proxy.host(),
                    "camel.component.twilio-connector.proxy-port", Integer.toString(proxy.port()),
                    "camel.component.twilio-connector.proxy-auth-scheme", "BASIC",
                    "camel.component.twilio-connector.proxy-user", "connector",
                    "camel.component.twilio-connector.proxy-password", proxyPassword))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> twilio.requests().stream().anyMatch(r -> r.status() == 401));
                HttpResponse<String> healthAnswer = runner.get("/observe/health");
                health = healthAnswer.body();
                metrics = runner.get("/observe/metrics").body();
            }
        } finally {
            System.setOut(original);
            logging.reconfigure();
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("Twilio answered HTTP 401").contains("Authorization: ******")
                .contains("Proxy-Authorization: ******");
        assertThat(health).contains("Twilio rejects the credentials").contains("\"status\":\"DOWN\"");
        assertThat(metrics).contains("twilio_connector_errors_total{code=\"20003\",connection=\"twilio\",entity=\"Messages\","
                + "operation=\"Create\",status=\"401\"} 1.0");
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
            assertThat(health).doesNotContain(secret);
            assertThat(metrics).doesNotContain(secret);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
