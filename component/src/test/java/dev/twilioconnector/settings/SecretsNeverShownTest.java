package dev.twilioconnector.settings;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.client.ClientSettings;
import dev.twilioconnector.client.Credentials;
import dev.twilioconnector.client.ProxyAuthScheme;
import dev.twilioconnector.client.ProxySettings;
import dev.twilioconnector.client.ProxySslType;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Auth Token, the API Key secret and the proxy password are in no toString() of the settings that hold them,
 * and in no message or stack trace of the exception a rejected request ends with.
 */
class SecretsNeverShownTest {

    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    private static final String KEY = "SK" + "fedcba9876543210".repeat(2);
    private static final String TOKEN = "tok-4f1c9e0b7a";
    private static final String KEY_SECRET = "key-secret-8d2e6b";
    private static final String PROXY_PASSWORD = "proxy-pw-3a7f";
    private static TwilioSandbox sandbox;
    private CamelContext camel;

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
        sandbox.put("Messages", Map.of("sid", "SM3ad97d41e786c02bca47c8ce1745053b"));
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

    @Test
    void proxySettingsShowTheUserButNotThePassword() {
        ProxySettings proxy = new ProxySettings(true, "proxy.corp.example", 3128, ProxyAuthScheme.DIGEST, "svc-twilio",
                PROXY_PASSWORD, ProxySslType.AUTO);

        assertThat(proxy.toString()).isEqualTo("ProxySettings[proxy.corp.example:3128, authScheme=DIGEST,"
                + " user=svc-twilio, password=******, sslType=AUTO]");
    }

    @Test
    void accountCredentialsShowTheSidsButNeitherTheTokenNorTheKeySecret() {
        AccountCredentials withToken = AccountCredentials.of(ACCOUNT, TOKEN, null, null, new TwilioEnvironment(Map.of()));
        AccountCredentials withKey = AccountCredentials.of(ACCOUNT, null, KEY, KEY_SECRET, new TwilioEnvironment(Map.of()));

        assertThat(withToken.toString()).isEqualTo("AccountCredentials[accountSid=" + ACCOUNT
                + ", credentials=Credentials[username=" + ACCOUNT + ", secret=******]]");
        assertThat(withKey.toString()).isEqualTo("AccountCredentials[accountSid=" + ACCOUNT
                + ", credentials=Credentials[username=" + KEY + ", secret=******]]");
    }

    @Test
    void clientSettingsShowNoSecretOfTheCredentialsOrTheProxy() {
        ClientSettings settings = new ClientSettings("https://api.twilio.com", ACCOUNT, new Credentials(KEY, KEY_SECRET),
                Duration.ofSeconds(10), Duration.ofSeconds(30), new ProxySettings(true, "proxy.corp.example", 3128,
                ProxyAuthScheme.BASIC, "svc-twilio", PROXY_PASSWORD, ProxySslType.TUNNEL), null);

        assertThat(settings.toString()).contains("Credentials[username=" + KEY + ", secret=******]")
                .contains("password=******");
        assertNoSecret(settings.toString(), KEY, KEY_SECRET);
        assertNoSecret(settings.toString(), "svc-twilio", PROXY_PASSWORD);
    }

    @Test
    void aRejectedAuthTokenIsInNoExceptionMessage() {
        Exception failure = rejected(Map.of("authToken", TOKEN));

        assertThat(failure).hasMessageContaining("Twilio answered HTTP 401 with error 20003");
        assertNoSecret(stackTrace(failure), sandbox.accountSid(), TOKEN);
    }

    @Test
    void aRejectedApiKeySecretIsInNoExceptionMessage() {
        Exception failure = rejected(Map.of("apiKeySid", KEY, "apiKeySecret", KEY_SECRET));

        assertThat(failure).hasMessageContaining("Twilio answered HTTP 401 with error 20003");
        assertThat(sandbox.requests()).last().satisfies(request -> assertThat(request.authUser()).isEqualTo(KEY));
        assertNoSecret(stackTrace(failure), KEY, KEY_SECRET);
    }

    private Exception rejected(Map<String, String> credentials) {
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.setAccountSid(sandbox.accountSid());
        component.setBaseUrl(sandbox.baseUrl());
        component.setAuthToken(credentials.get("authToken"));
        component.setApiKeySid(credentials.get("apiKeySid"));
        component.setApiKeySecret(credentials.get("apiKeySecret"));
        camel.addComponent("twilio-connector", component);
        camel.start();
        Exchange exchange = camel.createProducerTemplate().send(
                "twilio-connector:Messages/Get?entityId=SM3ad97d41e786c02bca47c8ce1745053b", e -> { });
        assertThat(exchange.getException()).isNotNull();
        return exchange.getException();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Neither the secret nor the Basic credentials made of it, in any of the forms Base64 gives them. */
    private static void assertNoSecret(String text, String user, String secret) {
        for (String form : List.of(secret, base64(user + ":" + secret), base64(secret))) {
            assertThat(text).doesNotContain(form);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
