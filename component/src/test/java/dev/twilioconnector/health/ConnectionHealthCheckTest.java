package dev.twilioconnector.health;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.error.TwilioConnectorThrottledException;
import dev.twilioconnector.resilience.NodeThrottle;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Readiness of the connection: up while Twilio accepts the credentials, down with the reason otherwise. */
class ConnectionHealthCheckTest {

    private static TwilioSandbox sandbox;
    private CamelContext camel;

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void upWhenTwilioAcceptsTheCredentials() {
        HealthCheck.Result result = readiness(sandbox.baseUrl(), sandbox.authToken());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("account.sid", sandbox.accountSid())
                .containsEntry("base.url", sandbox.baseUrl());
    }

    @Test
    void theProbeTakesATurnAtTheNodeThrottleAndIsTheOneRequestTwilioSees() {
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = connection(sandbox.baseUrl(), sandbox.authToken());
        camel.addComponent("twilio-connector", component);
        camel.start();
        camel.getComponent("twilio-connector").start();
        List<Long> turns = new CopyOnWriteArrayList<>();
        component.callPath().throttle().onWait(turns::add);
        sandbox.clearRequests();

        HealthCheck.Result result = invokeReadiness();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(turns).hasSize(1);
        assertThat(sandbox.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(tuple("GET", "/2010-04-01/Accounts/" + sandbox.accountSid() + ".json"));
    }

    @Test
    void aNodeBusyToItsLimitStaysReadyAndSaysSo() {
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = connection(sandbox.baseUrl(), sandbox.authToken());
        component.setTransactionsPerSecond(1);
        component.setThrottleQueueSize(1);
        camel.addComponent("twilio-connector", component);
        camel.start();
        camel.getComponent("twilio-connector").start();
        NodeThrottle throttle = component.callPath().throttle();
        throttle.acquire();
        Thread queued = new Thread(throttle::acquire);
        queued.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> throttle.waiting() == 1);
        sandbox.clearRequests();

        HealthCheck.Result result = invokeReadiness();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("throttle.queue.full", true);
        assertThat(result.getMessage()).hasValue(new TwilioConnectorThrottledException(1, 1).getMessage());
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void detailsCarryTheConnectionsDescriptionLocationAndLabels() {
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = connection(sandbox.baseUrl(), sandbox.authToken());
        component.setDescription("Order notifications");
        component.setLocation("europe-west1");
        component.setLabels("team=messaging,env=prod");

        HealthCheck.Result result = readiness(component);

        assertThat(result.getDetails()).containsEntry("description", "Order notifications")
                .containsEntry("location", "europe-west1").containsEntry("label.team", "messaging")
                .containsEntry("label.env", "prod");
    }

    @Test
    void downWithTheReasonWhileTheCredentialsAreRejected() {
        HealthCheck.Result result = readiness(sandbox.baseUrl(), "not-the-token");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Twilio rejects the credentials: Twilio answered HTTP 401 with error 20003")
                .doesNotContain("not-the-token"));
        assertThat(result.getDetails()).containsEntry("http.status", 401).containsEntry("twilio.code", 20003);
    }

    @Test
    void downWithTheReasonWhileTheBaseUrlIsUnreachable() throws Exception {
        int closedPort = AvailablePortFinder.getNextAvailable();
        String baseUrl = "http://127.0.0.1:" + closedPort;

        HealthCheck.Result result = readiness(baseUrl, sandbox.authToken());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message ->
                assertThat(message).startsWith("Twilio is unreachable at " + baseUrl + ": "));
    }

    private HealthCheck.Result readiness(String baseUrl, String token) {
        camel = new DefaultCamelContext();
        return readiness(connection(baseUrl, token));
    }

    private static TwilioConnectorComponent connection(String baseUrl, String token) {
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.setAccountSid(sandbox.accountSid());
        component.setAuthToken(token);
        component.setBaseUrl(baseUrl);
        component.setConnectTimeout(2000);
        return component;
    }

    private HealthCheck.Result readiness(TwilioConnectorComponent component) {
        camel.addComponent("twilio-connector", component);
        camel.start();
        // the component starts with the first endpoint; readiness is about the connection, so start it here
        camel.getComponent("twilio-connector").start();
        return invokeReadiness();
    }

    private HealthCheck.Result invokeReadiness() {
        return HealthCheckHelper.invokeReadiness(camel).stream()
                .filter(result -> result.getCheck().getId().equals("twilio-connector-twilio"))
                .findFirst().orElseThrow();
    }
}
