package dev.twilioconnector.runtime;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.support.LoopbackProxy;
import dev.twilioconnector.support.LoopbackProxy.Auth;
import dev.twilioconnector.support.TestCertificate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The connection's settings as the runner binds them: the twilio.* short form, and where an account is looked for. */
class RunnerSettingsTest {

    @Test
    void shortSettingsBindUnchangedAndInfoLogsOneLinePerRequest() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        TwilioConnectorComponent component;
        try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml", Map.of(
                "twilio.connection_name", "shop-notifications",
                "twilio.log_level", "INFO",
                "twilio.labels", "team=messaging",
                "twilio.proxy_enabled", "false",
                "twilio.proxy_ssltype", "TUNNEL",
                "twilio.proxy-auth-scheme", "DIGEST"))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !runner.sandbox().requests().isEmpty());
            component = runner.runtime().context().getComponent("twilio-connector", TwilioConnectorComponent.class);
            Thread.sleep(100);
        } finally {
            System.setOut(original);
        }

        assertThat(component.getConfiguration().getConnectionName()).isEqualTo("shop-notifications");
        assertThat(component.getConfiguration().getLogLevel()).isEqualTo("INFO");
        assertThat(component.getConfiguration().getLabels()).isEqualTo("team=messaging");
        assertThat(component.getConfiguration().getProxySslType()).isEqualTo("TUNNEL");
        assertThat(component.getConfiguration().getProxyAuthScheme()).isEqualTo("DIGEST");
        assertThat(captured.toString(StandardCharsets.UTF_8)).containsPattern("INFO .* d\\.t\\.requests - shop-notifications"
                + " Recordings Get GET /2010-04-01/Accounts/AC[0-9a-f]{32}/Recordings/RE2e915e78549694bd0a0742d2d39454e5\\.json:"
                + " HTTP 200 request RQ[0-9a-f]{32} in \\d+ ms");
    }

    @Test
    void secretsComeFromPlaceholderFiles(@TempDir Path dir) throws Exception {
        try (TwilioSandbox twilio = TwilioSandbox.start()) {
            twilio.put("Recordings", Map.of("sid", "RE2e915e78549694bd0a0742d2d39454e5"));
            Path token = Files.writeString(dir.resolve("twilio-token"), twilio.authToken() + "\n");
            try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml", Map.of(
                    "camel.component.twilio-connector.account-sid", twilio.accountSid(),
                    "camel.component.twilio-connector.auth-token", "{{file:" + token + "}}",
                    "camel.component.twilio-connector.base-url", twilio.baseUrl()))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !twilio.requests().isEmpty());

                assertThat(runner.sandbox()).isNull();
                assertThat(twilio.requests()).singleElement().satisfies(request -> assertThat(request.status()).isEqualTo(200));
            }
        }
    }

    @Test
    void anAccountGivenInTheShortFormAsSystemPropertiesIsBoundAndTheSandboxSkipped(@TempDir Path dir) throws Exception {
        try (TwilioSandbox twilio = TwilioSandbox.start()) {
            twilio.put("Recordings", Map.of("sid", "RE2e915e78549694bd0a0742d2d39454e5"));
            try (RunnerProcess runner = RunnerProcess.start(dir, List.of("-Dtwilio.account_sid=" + twilio.accountSid(),
                    "-Dtwilio.auth_token=" + twilio.authToken(), "-Dtwilio.base_url=" + twilio.baseUrl()), Map.of(),
                    "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !twilio.requests().isEmpty() || !runner.isAlive());

                assertThat(runner.isAlive()).as("the runner runs; its errors: %s", runner.stderr()).isTrue();
                assertThat(runner.stdout()).doesNotContain("embedded sandbox");
                assertThat(twilio.requests()).singleElement().satisfies(request -> {
                    assertThat(request.authUser()).isEqualTo(twilio.accountSid());
                    assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + twilio.accountSid()
                            + "/Recordings/RE2e915e78549694bd0a0742d2d39454e5.json");
                    assertThat(request.status()).isEqualTo(200);
                });
            }
        }
    }

    @Test
    void camelsGlobalSslSettingsTrustATlsProxy(@TempDir Path dir) throws Exception {
        TestCertificate certificate = TestCertificate.create(dir);
        try (TwilioSandbox twilio = TwilioSandbox.start();
             LoopbackProxy proxy = LoopbackProxy.startTls(Auth.NONE, null, null, certificate.serverContext())) {
            twilio.put("Recordings", Map.of("sid", "RE2e915e78549694bd0a0742d2d39454e5"));
            try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml", Map.ofEntries(
                    Map.entry("twilio.account_sid", twilio.accountSid()),
                    Map.entry("twilio.auth_token", twilio.authToken()),
                    Map.entry("twilio.base_url", twilio.baseUrl()),
                    Map.entry("twilio.proxy_enabled", "true"),
                    Map.entry("twilio.proxy_host", proxy.host()),
                    Map.entry("twilio.proxy_port", Integer.toString(proxy.port())),
                    Map.entry("twilio.proxy_ssltype", "ALWAYS"),
                    Map.entry("twilio.use_global_ssl_context_parameters", "true"),
                    Map.entry("camel.ssl.enabled", "true"),
                    Map.entry("camel.ssl.trust-store", "file:" + certificate.keyStore()),
                    Map.entry("camel.ssl.trust-store-password", certificate.password())))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !twilio.requests().isEmpty());

                assertThat(proxy.seen()).singleElement().satisfies(seen -> assertThat(seen.method()).isEqualTo("GET"));
                assertThat(twilio.requests()).singleElement().satisfies(request -> assertThat(request.status()).isEqualTo(200));
            }
        }
    }

    @Test
    void anAccountIsFoundInTheTwilioVariableTheComponentOptionOrTheShortForm() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PropertiesComponent properties = camel.getPropertiesComponent();

            assertThat(AccountSetting.isSet(properties, Map.of())).isFalse();
            assertThat(AccountSetting.isSet(properties, Map.of("TWILIO_ACCOUNT_SID", "AC" + "1".repeat(32)))).isTrue();
            assertThat(AccountSetting.isSet(properties, Map.of("CAMEL_COMPONENT_TWILIO_CONNECTOR_ACCOUNT_SID", "AC1"))).isTrue();
            properties.addInitialProperty("twilio.account_sid", "AC" + "2".repeat(32));
            assertThat(AccountSetting.isSet(properties, Map.of())).isTrue();
        }
    }

    @Test
    void anAccountIsFoundInTheComponentOptionFromThePropertiesOrASystemProperty() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("camel.component.twilio-connector.accountSid", "AC" + "3".repeat(32));
            assertThat(AccountSetting.isSet(camel.getPropertiesComponent(), Map.of())).isTrue();
        }
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            System.setProperty("camel.component.twilio-connector.account-sid", "AC" + "4".repeat(32));
            assertThat(AccountSetting.isSet(camel.getPropertiesComponent(), Map.of())).isTrue();
        } finally {
            System.clearProperty("camel.component.twilio-connector.account-sid");
        }
    }

    @Test
    void onlyTwilioVariablesThatNameASettingAreShortSettingsAndTheTwilioToolsOnesAreLeftToThem() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            TwilioConnectorComponent component = new TwilioConnectorComponent();
            camel.addComponent("twilio-connector", component);
            component.build();
            camel.getPropertiesComponent().addInitialProperty("twilio.proxy_port", "3128");
            camel.getPropertiesComponent().addInitialProperty("twilio.flows.dir", "/tmp/flows");

            Map<String, Object> options = ShortSettings.options(camel.getPropertiesComponent(), Map.of(
                    "TWILIO_PROXY_HOST", "proxy.corp.example", "TWILIO_PROXY_PORT", "8080", "TWILIO_PROXY_SSLTYPE", "NEVER",
                    "TWILIO_AUTH_TOKEN", "from-the-twilio-cli", "TWILIO_REGION", "ie1", "TWILIO_FLOWS_DIR", "/srv/flows"),
                    ShortSettings.isOptionOf(component));

            // TWILIO_REGION names the option region, and means what it means to Twilio's own libraries
            assertThat(options).containsOnly(Map.entry("proxyPort", "8080"), Map.entry("proxyHost", "proxy.corp.example"),
                    Map.entry("proxySslType", "NEVER"), Map.entry("region", "ie1"));
        }
    }

    @Test
    void theNodeRangeAndTheCapacityItGivesAreInTheConnectionsStatusAndHealth() throws Exception {
        try (RunningRuntime runner = RunningRuntime.start("file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml", Map.of(
                "twilio.min_nodes", "3", "twilio.max_nodes", "8", "twilio.transactions_per_second", "10"))) {
            String status = runner.get("/connection").body();
            String health = runner.get("/observe/health?data=true").body();

            String node = ClusterSettings.hostAndPid();
            assertThat(status).isEqualTo("{\"state\":\"running\",\"routes\":[\"get-recording\"],\"node\":\"" + node + "\","
                    + "\"leadership\":{},\"nodesSeen\":[\"" + node + "\"],\"nodes\":{\"min\":3,\"max\":8},"
                    + "\"transactionsPerSecondPerNode\":10,\"capacity\":{\"minTransactionsPerSecond\":30,"
                    + "\"maxTransactionsPerSecond\":80,\"currentTransactionsPerSecond\":10}}");
            assertThat(health).containsPattern("\"nodes.min\": ?\"?3\\b").containsPattern("\"nodes.max\": ?\"?8\\b")
                    .containsPattern("\"transactions.per.second.per.node\": ?\"?10\\b")
                    .containsPattern("\"capacity.transactions.per.second.min\": ?\"?30\\b")
                    .containsPattern("\"capacity.transactions.per.second.max\": ?\"?80\\b")
                    .containsPattern("\"capacity.transactions.per.second.current\": ?\"?10\\b")
                    .containsPattern("\"node\": ?\"" + Pattern.quote(node) + "\"");
        }
    }

    @Test
    void shortNamesMapOntoOptionNames() {
        assertThat(ShortSettings.optionName("twilio.proxy_enabled")).isEqualTo("proxyEnabled");
        assertThat(ShortSettings.optionName("twilio.proxy_auth_scheme")).isEqualTo("proxyAuthScheme");
        assertThat(ShortSettings.optionName("twilio.proxy_user")).isEqualTo("proxyUser");
        assertThat(ShortSettings.optionName("twilio.proxy_password")).isEqualTo("proxyPassword");
        assertThat(ShortSettings.optionName("twilio.proxy_ssltype")).isEqualTo("proxySslType");
        assertThat(ShortSettings.optionName("twilio.min-nodes")).isEqualTo("minNodes");
        assertThat(ShortSettings.optionName("twilio.accountSid")).isEqualTo("accountSid");
    }
}
