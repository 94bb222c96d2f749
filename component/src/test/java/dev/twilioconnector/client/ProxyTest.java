package dev.twilioconnector.client;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.error.ProxyAuthenticationException;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.support.LoopbackProxy.Auth;
import dev.twilioconnector.support.LoopbackProxy.Seen;
import dev.twilioconnector.support.LoopbackProxy;
import dev.twilioconnector.support.TestCertificate;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Each proxy auth scheme and SSL type reaching the sandbox through a real forward proxy on loopback (over TLS for
 * ALWAYS, trusted through sslContextParameters), and the proxy's refusal of wrong credentials as a clear error.
 */
class ProxyTest {

    private static final String USER = "connector";
    private static final String PASSWORD = "pr0xy-s3cret";
    private static TwilioSandbox sandbox;
    private static TestCertificate certificate;
    @TempDir
    static Path certificates;
    private LoopbackProxy proxy;
    private CamelContext camel;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TwilioSandbox.start();
        certificate = TestCertificate.create(certificates);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void seed() {
        sandbox.reset();
        sandbox.put("Messages", Map.of("sid", "SM3ad97d41e786c02bca47c8ce1745053b", "body", "hello"));
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        proxy.close();
    }

    @Test
    void basicProxyForwardsAnHttpTargetInTheClearWithAuto() {
        proxy = LoopbackProxy.start(Auth.BASIC, USER, PASSWORD);

        Object record = get(connect("BASIC", PASSWORD, "AUTO"));

        assertThat(record).asInstanceOf(MAP).containsEntry("Body", "hello");
        String target = sandbox.baseUrl() + messagePath();
        assertThat(proxy.seen()).containsExactly(new Seen("GET", target, false), new Seen("GET", target, true));
        assertThat(sandbox.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo(messagePath()));
    }

    @Test
    void digestProxyForwardsWithNeverAndNeverSeesThePassword() {
        proxy = LoopbackProxy.start(Auth.DIGEST, USER, PASSWORD);

        get(connect("DIGEST", PASSWORD, "NEVER"));

        String target = sandbox.baseUrl() + messagePath();
        assertThat(proxy.seen()).containsExactly(new Seen("GET", target, false), new Seen("GET", target, true));
        assertThat(sandbox.requests()).hasSize(1);
    }

    @Test
    void tunnelOpensAConnectTunnelEvenToAnHttpTarget() {
        proxy = LoopbackProxy.start(Auth.BASIC, USER, PASSWORD);

        get(connect("BASIC", PASSWORD, "TUNNEL"));

        String authority = "127.0.0.1:" + sandbox.port();
        assertThat(proxy.seen()).containsExactly(new Seen("CONNECT", authority, false), new Seen("CONNECT", authority, true));
        assertThat(sandbox.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo(messagePath()));
    }

    @Test
    void digestTunnelAuthenticatesTheConnect() {
        proxy = LoopbackProxy.start(Auth.DIGEST, USER, PASSWORD);

        get(connect("DIGEST", PASSWORD, "TUNNEL"));

        assertThat(proxy.seen()).extracting(Seen::method, Seen::authorized)
                .containsExactly(tuple("CONNECT", false), tuple("CONNECT", true));
        assertThat(sandbox.requests()).hasSize(1);
    }

    @Test
    void openProxyNeedsNoCredentials() {
        proxy = LoopbackProxy.start(Auth.NONE, null, null);

        get(connect("NONE", null, "AUTO"));

        assertThat(proxy.seen()).containsExactly(new Seen("GET", sandbox.baseUrl() + messagePath(), true));
    }

    @Test
    void wrongPasswordIsRefusedWithAClearErrorAndNothingReachesTwilio() {
        proxy = LoopbackProxy.start(Auth.BASIC, USER, PASSWORD);

        assertThatThrownBy(() -> get(connect("BASIC", "wrong", "AUTO")))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(ProxyAuthenticationException.class)
                .hasMessage("The proxy at 127.0.0.1:" + proxy.port() + " refused Messages Get (GET " + messagePath()
                        + ") with HTTP 407: check proxyUser (connector), proxyPassword and proxyAuthScheme (BASIC)");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void wrongPasswordOnATunnelIsRefusedTheSameWay() {
        proxy = LoopbackProxy.start(Auth.DIGEST, USER, PASSWORD);

        assertThatThrownBy(() -> get(connect("DIGEST", "wrong", "TUNNEL")))
                .cause().isInstanceOf(ProxyAuthenticationException.class)
                .hasMessage("The proxy at 127.0.0.1:" + proxy.port() + " refused Messages Get (GET " + messagePath()
                        + ") with HTTP 407: check proxyUser (connector), proxyPassword and proxyAuthScheme (DIGEST)");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void digestSettingNeverAnswersABasicChallenge() {
        proxy = LoopbackProxy.start(Auth.BASIC, USER, PASSWORD);

        assertThatThrownBy(() -> get(connect("DIGEST", PASSWORD, "AUTO")))
                .cause().isInstanceOf(ProxyAuthenticationException.class);
        assertThat(proxy.seen()).extracting(Seen::authorized).containsOnly(false);
    }

    @Test
    void alwaysSpeaksTlsToTheProxyTrustingItThroughSslContextParameters() throws Exception {
        proxy = LoopbackProxy.startTls(Auth.BASIC, USER, PASSWORD, certificate.serverContext());
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + certificate.keyStore());
        trustStore.setPassword(certificate.password());
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);

        get(connect("BASIC", PASSWORD, "ALWAYS", tls));

        String target = sandbox.baseUrl() + messagePath();
        assertThat(proxy.seen()).containsExactly(new Seen("GET", target, false), new Seen("GET", target, true));
        assertThat(sandbox.requests()).hasSize(1);
    }

    @Test
    void alwaysRefusesAProxyWhoseCertificateIsNotTrusted() throws Exception {
        proxy = LoopbackProxy.startTls(Auth.BASIC, USER, PASSWORD, certificate.serverContext());

        assertThatThrownBy(() -> get(connect("BASIC", PASSWORD, "ALWAYS")))
                .hasStackTraceContaining("unable to find valid certification path");
        assertThat(proxy.seen()).isEmpty();
        assertThat(sandbox.requests()).isEmpty();
    }

    private CamelContext connect(String scheme, String password, String sslType) {
        return connect(scheme, password, sslType, null);
    }

    private CamelContext connect(String scheme, String password, String sslType, SSLContextParameters tls) {
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.setSslContextParameters(tls);
        component.setAccountSid(sandbox.accountSid());
        component.setAuthToken(sandbox.authToken());
        component.setBaseUrl(sandbox.baseUrl());
        component.setProxyEnabled(true);
        component.setProxyHost(proxy.host());
        component.setProxyPort(proxy.port());
        component.setProxyAuthScheme(scheme);
        component.setProxyUser("NONE".equals(scheme) ? null : USER);
        component.setProxyPassword(password);
        component.setProxySslType(sslType);
        camel.addComponent("twilio-connector", component);
        camel.start();
        return camel;
    }

    private static Object get(CamelContext camel) {
        return camel.createProducerTemplate().requestBody(
                "twilio-connector:Messages/Get?entityId=SM3ad97d41e786c02bca47c8ce1745053b", (Object) null);
    }

    private static String messagePath() {
        return "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages/SM3ad97d41e786c02bca47c8ce1745053b.json";
    }
}
