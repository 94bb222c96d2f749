package dev.twilioconnector.settings;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.client.ProxyAuthScheme;
import dev.twilioconnector.client.ProxySettings;
import dev.twilioconnector.client.ProxySslType;
import dev.twilioconnector.connection.TwilioConnection;
import dev.twilioconnector.error.InvalidSettingException;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.twilioconnector.support.SandboxTestSupport.sandboxConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every connection setting, bound from text as camel-main binds it: a good value is what the started connection
 * runs with, and the connection reaches the sandbox; a bad one stops start-up with a message that names the
 * setting and what it allows.
 */
class ConnectionSettingsTest {

    private static final String MESSAGE_SID = "SM3ad97d41e786c02bca47c8ce1745053b";
    private static TwilioSandbox sandbox;
    private CamelContext camel;

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
        sandbox.put("Messages", Map.of("sid", MESSAGE_SID, "body", "hello"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void stopCamel() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }

    static Stream<Arguments> goodValues() {
        String longName = "a" + "b".repeat(47) + "9";
        Map<String, String> proxy = Map.of("proxyEnabled", "true", "proxyHost", "proxy.example", "proxyPort", "3128",
                "proxyUser", "me", "proxyPassword", "secret");
        return Stream.of(
                good(Map.of("connectionName", "twilio-prod-1"), c -> c.identity().name(), "twilio-prod-1"),
                good(Map.of("connectionName", longName), c -> c.identity().name(), longName),
                good(Map.of("description", "Sends the shop's order notifications"), c -> c.identity().description(),
                        "Sends the shop's order notifications"),
                good(Map.of("labels", "team=messaging,env=prod"), c -> c.identity().labels(),
                        Map.of("team", "messaging", "env", "prod")),
                good(Map.of("location", "europe-west1"), c -> c.identity().location(), "europe-west1"),
                good(Map.of("logLevel", "info"), TwilioConnection::requestLogLevel, LoggingLevel.INFO),
                good(Map.of("minNodes", "1"), c -> c.capacity().nodes().min(), 1),
                good(Map.of("maxNodes", "2"), c -> c.capacity().nodes().max(), 2),
                good(Map.of("proxyEnabled", "false"), c -> c.clientSettings().proxy(), ProxySettings.NONE),
                good(with(proxy, "proxyAuthScheme", "digest"), c -> c.clientSettings().proxy().authScheme(),
                        ProxyAuthScheme.DIGEST),
                good(with(proxy, "proxySslType", "tunnel"), c -> c.clientSettings().proxy().sslType(), ProxySslType.TUNNEL),
                good(Map.of("connectTimeout", "2000"), c -> c.clientSettings().connectTimeout(), Duration.ofMillis(2000)),
                good(Map.of("responseTimeout", "5000"), c -> c.clientSettings().responseTimeout(), Duration.ofMillis(5000)),
                good(Map.of("base-urls[verify]", "http://127.0.0.1:4010/verify/"), c -> verifyUrl(c), "http://127.0.0.1:4010/verify"),
                good(Map.of("region", "ie1"), c -> verifyUrl(c), "https://verify.ie1.twilio.com"),
                good(Map.of("region", "ie1", "edge", "dublin"), c -> flexUrl(c), "https://flex-api.dublin.ie1.twilio.com"),
                good(Map.of("edge", "sydney"), c -> verifyUrl(c), "https://verify.sydney.us1.twilio.com"),
                good(Map.of("region", "au1", "base-urls[verify]", "https://verify.example"), c -> verifyUrl(c),
                        "https://verify.example"));
    }

    private static String verifyUrl(TwilioConnection connection) {
        return connection.clientSettings().hosts().url("verify", "https://verify.twilio.com");
    }

    private static String flexUrl(TwilioConnection connection) {
        return connection.clientSettings().hosts().url("flex", "https://flex-api.twilio.com");
    }

    private static Arguments good(Map<String, String> settings, Function<TwilioConnection, Object> inUse, Object expected) {
        return arguments(settings, inUse, expected);
    }

    private static Map<String, String> with(Map<String, String> settings, String setting, String value) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(setting, value);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodValues")
    void goodValueStartsTheConnectionAndIsWhatItRuns(Map<String, String> settings, Function<TwilioConnection, Object> inUse,
                                                    Object expected) {
        start(settings);

        TwilioConnection connection = camel.getComponent("twilio-connector", TwilioConnectorComponent.class).connection();
        assertThat(inUse.apply(connection)).isEqualTo(expected);
        if (!connection.clientSettings().proxy().enabled()) {
            Map<?, ?> record = camel.createProducerTemplate().requestBody(
                    "twilio-connector:Messages/Get?entityId=" + MESSAGE_SID, (Object) null, Map.class);
            assertThat(record.get("Body")).isEqualTo("hello");
        }
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                arguments(Map.of("connectionName", "Prod_1"), "Setting connectionName 'Prod_1' is not allowed: use lowercase"
                        + " letters, digits and hyphens, start with a letter and end with a letter or digit"),
                arguments(Map.of("connectionName", "prod-"), "Setting connectionName 'prod-' is not allowed: use lowercase"
                        + " letters, digits and hyphens, start with a letter and end with a letter or digit"),
                arguments(Map.of("connectionName", "1prod"), "Setting connectionName '1prod' is not allowed: use lowercase"
                        + " letters, digits and hyphens, start with a letter and end with a letter or digit"),
                arguments(Map.of("connectionName", "a".repeat(50)), "Setting connectionName '" + "a".repeat(50)
                        + "' has 50 characters: at most 49 are allowed"),
                arguments(Map.of("connectionName", " "), "Setting connectionName is empty: give lowercase letters, digits"
                        + " and hyphens, starting with a letter, e.g. twilio-prod"),
                arguments(Map.of("description", "x".repeat(1001)), "Setting description has 1001 characters: at most 1000 are allowed"),
                arguments(Map.of("labels", "team"), "Setting labels entry 'team' is not key=value: give pairs separated by"
                        + " commas, e.g. team=messaging,env=prod"),
                arguments(Map.of("labels", "Team=x"), "Setting labels key 'Team' is not allowed: start with a lowercase"
                        + " letter, then lowercase letters, digits, '_' or '-', at most 63 characters"),
                arguments(Map.of("labels", "team=Big Team"), "Setting labels value 'Big Team' of key 'team' is not allowed:"
                        + " lowercase letters, digits, '_' or '-', at most 63 characters"),
                arguments(Map.of("labels", "team=a,team=b"), "Setting labels key 'team' is given twice"),
                arguments(Map.of("location", "Europe West"), "Setting location 'Europe West' is not allowed: lowercase"
                        + " letters, digits, '_' or '-', at most 63 characters, e.g. europe-west1"),
                arguments(Map.of("logLevel", "LOUD"), "Setting logLevel 'LOUD' is not allowed: allowed values are"
                        + " TRACE, DEBUG, INFO, WARN, ERROR, OFF"),
                arguments(Map.of("minNodes", "0"), "Setting minNodes is 0: at least 1 is needed"),
                arguments(Map.of("maxNodes", "0"), "Setting maxNodes is 0: at least 1 is needed"),
                arguments(Map.of("minNodes", "5", "maxNodes", "3"), "Setting minNodes is 5, more than maxNodes 3:"
                        + " minNodes must be at most maxNodes"),
                arguments(Map.of("accountSid", ""), "Setting accountSid is missing: set"
                        + " camel.component.twilio-connector.account-sid or the variable TWILIO_ACCOUNT_SID"),
                arguments(Map.of("accountSid", "AC123"), "Setting accountSid 'AC123' is not an Account SID: AC followed"
                        + " by 32 hexadecimal digits"),
                arguments(Map.of("authToken", ""), "Setting authToken is missing: set camel.component.twilio-connector.auth-token"
                        + " (or the variable TWILIO_AUTH_TOKEN), or apiKeySid and apiKeySecret"),
                arguments(Map.of("apiKeySid", "SK1"), "Setting apiKeySid 'SK1' is not an API Key SID: SK followed by 32"
                        + " hexadecimal digits"),
                arguments(Map.of("apiKeySid", "SK" + "0".repeat(32)), "Setting apiKeySecret is missing: apiKeySid is set,"
                        + " so its secret is needed; give both as options, or both as the variables TWILIO_API_KEY and"
                        + " TWILIO_API_SECRET"),
                arguments(Map.of("proxyAuthScheme", "NTLM"), "Setting proxyAuthScheme 'NTLM' is not allowed: allowed values"
                        + " are NONE, BASIC, DIGEST"),
                arguments(Map.of("proxySslType", "SOMETIMES"), "Setting proxySslType 'SOMETIMES' is not allowed: allowed"
                        + " values are AUTO, ALWAYS, NEVER, TUNNEL"),
                arguments(Map.of("proxyEnabled", "true"), "Setting proxyHost is missing: proxyEnabled is true, so the"
                        + " proxy's host name is needed"),
                arguments(Map.of("proxyEnabled", "true", "proxyHost", "proxy.example"), "Setting proxyPort is 0: give the"
                        + " proxy's port, 1..65535"),
                arguments(Map.of("proxyEnabled", "true", "proxyHost", "proxy.example", "proxyPort", "70000"),
                        "Setting proxyPort is 70000: give the proxy's port, 1..65535"),
                arguments(Map.of("proxyEnabled", "true", "proxyHost", "proxy.example", "proxyPort", "3128",
                        "proxyAuthScheme", "BASIC"), "Setting proxyUser is missing: proxyAuthScheme is BASIC, so a user is needed"),
                arguments(Map.of("proxyEnabled", "true", "proxyHost", "proxy.example", "proxyPort", "3128",
                        "proxyAuthScheme", "DIGEST", "proxyUser", "me"), "Setting proxyPassword is missing: proxyAuthScheme"
                        + " is DIGEST, so a password is needed"),
                arguments(Map.of("baseUrl", "ftp://api.twilio.com"), "Setting baseUrl 'ftp://api.twilio.com' is not an"
                        + " http:// or https:// URL with a host, e.g. https://api.twilio.com"),
                arguments(Map.of("base-urls[verfy]", "http://127.0.0.1:4010"), "Setting baseUrls[verfy] names no Twilio"
                        + " product: give one of accounts, api, assistants, bulkexports, chat, content, conversations, events,"
                        + " flex, frontline, iam, iam_organizations, insights, intelligence, ip_messaging, lookups,"
                        + " marketplace, messaging, monitor, notify, numbers, oauth, preview, pricing, proxy, routes,"
                        + " serverless, studio, supersim, sync, taskrouter, trunking, trusthub, verify, video, voice, wireless"),
                arguments(Map.of("base-urls[verify]", "verify.example"), "Setting baseUrls[verify] 'verify.example' is not"
                        + " an http:// or https:// URL with a host, e.g. https://api.twilio.com"),
                arguments(Map.of("base-urls[api]", "http://127.0.0.1:1"), "Setting baseUrls[api] is http://127.0.0.1:1 but"
                        + " baseUrl is " + sandbox.baseUrl() + ": baseUrl is the api entry, give one of them"),
                arguments(Map.of("region", "IE 1"), "Setting region 'IE 1' is not a Twilio region: lowercase letters,"
                        + " digits and '-', e.g. ie1"),
                arguments(Map.of("edge", "dublin/x"), "Setting edge 'dublin/x' is not a Twilio edge: lowercase letters,"
                        + " digits and '-', e.g. dublin"),
                arguments(Map.of("connectTimeout", "0"), "Setting connectTimeout is 0: give a number of milliseconds, at least 1"),
                arguments(Map.of("responseTimeout", "-5"), "Setting responseTimeout is -5: give a number of milliseconds, at least 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueStopsStartUpNamingTheSetting(Map<String, String> settings, String message) {
        assertThatThrownBy(() -> start(settings))
                .rootCause().isInstanceOf(InvalidSettingException.class).hasMessage(message);
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void connectionNameNamesTheHealthCheck() {
        start(Map.of("connectionName", "shop-notifications"));

        assertThat(HealthCheckRegistry.get(camel).getCheck("twilio-connector-shop-notifications")).isPresent();
    }

    @Test
    void theNodeRangeAndTheCapacityItGivesAreHealthDetails() {
        start(Map.of("minNodes", "3", "maxNodes", "8", "transactionsPerSecond", "10"));

        HealthCheck.Result result = HealthCheckRegistry.get(camel).getCheck("twilio-connector-twilio").orElseThrow().call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("account.sid", sandbox.accountSid())
                .containsEntry("nodes.min", 3).containsEntry("nodes.max", 8)
                .containsEntry("transactions.per.second.per.node", 10)
                .containsEntry("capacity.transactions.per.second.min", 30L)
                .containsEntry("capacity.transactions.per.second.max", 80L);
    }

    @Test
    void theCapacityDetailsLeaveTheChecksStateAndReasonAlone() {
        start(Map.of("authToken", "rejected-token"));

        HealthCheck.Result result = HealthCheckRegistry.get(camel).getCheck("twilio-connector-twilio").orElseThrow().call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Twilio rejects the credentials: Twilio answered HTTP 401 with error 20003"));
        assertThat(result.getDetails()).containsEntry("http.status", 401).containsEntry("nodes.min", 2)
                .containsEntry("nodes.max", 50).containsEntry("capacity.transactions.per.second.max", 1250L);
    }

    @Test
    void apiKeyReplacesTheAuthToken() {
        String keySid = "SK" + "1".repeat(32);
        sandbox.addApiKey(keySid, "key-secret");
        start(Map.of("authToken", "", "apiKeySid", keySid, "apiKeySecret", "key-secret"));

        camel.createProducerTemplate().requestBody("twilio-connector:Messages/Get?entityId=" + MESSAGE_SID, (Object) null);

        assertThat(sandbox.requests()).last().extracting(r -> r.authUser()).isEqualTo(keySid);
    }

    private void start(Map<String, String> settings) {
        sandbox.clearRequests();
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = sandboxConnection(sandbox);
        // the other products at Twilio's hosts, where the settings under test place them
        component.getConfiguration().setBaseUrls(new LinkedHashMap<>());
        PropertyBindingSupport.build().withCamelContext(camel).withTarget(component)
                .withProperties(new LinkedHashMap<>(settings)).bind();
        camel.addComponent("twilio-connector", component);
        camel.start();
    }
}
