package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.support.EmbeddedDatabase;
import dev.twilioconnector.support.LoopbackProxy.Auth;
import dev.twilioconnector.support.LoopbackProxy;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Runs whose credentials Twilio rejects, every logger at TRACE and HttpClient's wire log on: an Auth Token through
 * a proxy with a password, and an API Key secret. Neither secret, nor the Basic header that carries it, appears in
 * any log line, in the health output or in the metrics; nor does the state database's password, whether the database
 * answers or not.
 */
class SecretsNeverLoggedTest {

    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    private static final String KEY = "SK" + "0123456789abcdef".repeat(2);
    private final String token = "tok-" + UUID.randomUUID();
    private final String keySecret = "key-" + UUID.randomUUID();
    private final String proxyPassword = "pw-" + UUID.randomUUID();

    private record Run(String log, String health, String metrics) {
    }

    @Test
    void noAuthTokenOrProxyPasswordInAnyLogLineHealthOrMetrics() throws Exception {
        try (TwilioSandbox twilio = TwilioSandbox.start();
             LoopbackProxy proxy = LoopbackProxy.start(Auth.BASIC, "connector", proxyPassword)) {
            Run run = runRejected(twilio, Map.of(
                    "camel.component.twilio-connector.auth-token", token,
                    "camel.component.twilio-connector.proxy-enabled", "true",
                    "camel.component.twilio-connector.proxy-host", proxy.host(),
                    "camel.component.twilio-connector.proxy-port", Integer.toString(proxy.port()),
                    "camel.component.twilio-connector.proxy-auth-scheme", "BASIC",
                    "camel.component.twilio-connector.proxy-user", "connector",
                    "camel.component.twilio-connector.proxy-password", proxyPassword));

            assertThat(run.log).contains("Proxy-Authorization: ******");
            assertThat(twilio.requests()).allSatisfy(request -> assertThat(request.authUser()).isEqualTo(twilio.accountSid()));
            assertNoSecret(run, List.of(token, proxyPassword, base64(twilio.accountSid() + ':' + token),
                    base64("connector:" + proxyPassword)));
        }
    }

    @Test
    void noApiKeySecretInAnyLogLineHealthOrMetrics() throws Exception {
        try (TwilioSandbox twilio = TwilioSandbox.start()) {
            twilio.addApiKey(KEY, "the-secret-twilio-knows");
            Run run = runRejected(twilio, Map.of(
                    "camel.component.twilio-connector.api-key-sid", KEY,
                    "camel.component.twilio-connector.api-key-secret", keySecret));

            assertThat(twilio.requests()).allSatisfy(request -> assertThat(request.authUser()).isEqualTo(KEY));
            assertNoSecret(run, List.of(keySecret, base64(KEY + ':' + keySecret), base64(keySecret)));
        }
    }

    @Test
    void noStateDatabasePasswordInAnyLogLineHealthOrMetrics() throws Exception {
        String password = "db-" + UUID.randomUUID();
        String unreachable = "jdbc:postgresql://127.0.0.1:" + RunningRuntime.freePort() + "/twilio";
        Logged<List<String>> logged = logged(() -> {
            List<String> outputs = new java.util.ArrayList<>();
            for (String url : List.of(database.jdbcUrl(), unreachable)) {
                try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml",
                        Map.of("twilio.state.jdbc-url", url, "twilio.state.username", EmbeddedDatabase.USER,
                                "twilio.state.password", password))) {
                    boolean reachable = url.equals(database.jdbcUrl());
                    await().atMost(Duration.ofSeconds(20)).until(() ->
                            runner.get("/observe/health/ready").statusCode() == (reachable ? 200 : 503));
                    outputs.add(runner.get("/observe/health?data=true").body());
                    outputs.add(runner.get("/observe/metrics").body());
                    outputs.add(runner.get("/connection").body());
                }
            }
            return outputs;
        });

        assertThat(logged.log()).contains("twilio-connector-state").doesNotContain(password);
        assertThat(logged.result()).allSatisfy(output -> assertThat(output).doesNotContain(password));
        assertThat(logged.result().get(3)).contains("is unreachable");
    }

    @Test
    void noAuthTokenInAnyLogLineWhenItComesWithoutAnAccount() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("camel.component.twilio-connector.auth-token", token);

            Logged<Throwable> check = logged(() -> catchThrowable(() -> AccountSetting.isSet(camel.getPropertiesComponent(), Map.of())));

            assertThat(check.result()).isInstanceOf(InvalidSettingException.class).hasMessageContaining("accountSid is missing");
            assertThat(check.log()).doesNotContain(token);
        }
    }

    /** Runs create-message.yaml against {@code twilio} with {@code credentials}, everything at TRACE, until Twilio said 401. */
    private Run runRejected(TwilioSandbox twilio, Map<String, String> credentials) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "camel.component.twilio-connector.account-sid", twilio.accountSid(),
                "camel.component.twilio-connector.base-url", twilio.baseUrl(),
                "camel.component.twilio-connector.log-level", "TRACE"));
        settings.putAll(credentials);
        Logged<Observed> logged = logged(() -> {
            try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/create-message.yaml", settings)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> twilio.requests().stream().anyMatch(r -> r.status() == 401));
                return new Observed(runner.get("/observe/health").body(), runner.get("/observe/metrics").body());
            }
        });
        Run run = new Run(logged.log(), logged.result().health(), logged.result().metrics());
        assertThat(run.log).contains("Twilio answered HTTP 401").contains("Authorization: ******");
        assertThat(run.health).contains("Twilio rejects the credentials").contains("\"status\":\"DOWN\"");
        assertThat(run.metrics).contains("twilio_connector_errors_total{code=\"20003\",connection=\"twilio\",entity=\"Messages\","
                + "operation=\"Create\",status=\"401\"} 1.0");
        return run;
    }

    private record Observed(String health, String metrics) {
    }

    private record Logged<T>(T result, String log) {
    }

    /** What {@code action} returned, and what the log printed meanwhile, every logger at TRACE. */
    private static <T> Logged<T> logged(Callable<T> action) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        T result;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            logging.reconfigure();
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.TRACE);
            result = action.call();
        } finally {
            System.setOut(original);
            logging.reconfigure();
        }
        return new Logged<>(result, captured.toString(StandardCharsets.UTF_8));
    }

    private static void assertNoSecret(Run run, List<String> secrets) {
        for (String secret : secrets) {
            assertThat(run.log).doesNotContain(secret);
            assertThat(run.health).doesNotContain(secret);
            assertThat(run.metrics).doesNotContain(secret);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
