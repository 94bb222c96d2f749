package dev.twilioconnector.settings;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.error.InvalidSettingException;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every connection setting, bound from text as camel-main binds it: a good value lets the connection start and
 * reach the sandbox; a bad one stops start-up with a message that names the setting and what it allows.
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
        return Stream.of(
                arguments("connectionName", "twilio-prod-1"),
                arguments("connectionName", "a" + "b".repeat(47) + "9"),
                arguments("description", "Sends the shop's order notifications"),
                arguments("labels", "team=messaging,env=prod"),
                arguments("location", "europe-west1"),
                arguments("logLevel", "info"),
                arguments("minNodes", "1"),
                arguments("maxNodes", "2"),
                arguments("proxyEnabled", "false"),
                arguments("proxyAuthScheme", "digest"),
                arguments("proxySslType", "tunnel"),
                arguments("connectTimeout", "2000"),
                arguments("responseTimeout", "5000"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("goodValues")
    void goodValueStartsTheConnection(String setting, String value) {
        start(Map.of(setting, value));

        Map<?, ?> record = camel.createProducerTemplate().requestBody(
                "twilio-connector:Messages/Get?entityId=" + MESSAGE_SID, (Object) null, Map.class);

        assertThat(record.get("Body")).isEqualTo("hello");
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
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        Map<String, Object> properties = new LinkedHashMap<>(Map.of("accountSid", sandbox.accountSid(),
                "authToken", sandbox.authToken(), "baseUrl", sandbox.baseUrl()));
        properties.putAll(settings);
        PropertyBindingSupport.build().withCamelContext(camel).withTarget(component).withProperties(properties).bind();
        camel.addComponent("twilio-connector", component);
        camel.start();
    }
}
