package dev.twilioconnector.resilience;

import dev.twilioconnector.client.RequestNotSentException;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.error.TwilioConnectorOutcomeUnknownException;
import dev.twilioconnector.sandbox.Fault;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.TestCertificate;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/** What is sent again after a failure, and what never is, as the sandbox sees it. */
class RetryPolicyTest extends ResilienceTestSupport {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @EnumSource(Fault.class)
    void getIsRetriedAfterEveryTransientFailureAndSucceeds(Fault fault) {
        sandbox.put("Messages", Map.of("sid", SID, "body", "Hi"));
        sandbox.faults().slowResponseDelay(Duration.ofMillis(1_500)).retryAfter(Duration.ZERO).next(fault, 1);

        Object record = callOk("twilio-connector:Messages/Get?entityId=" + SID, null);

        assertThat(record).asInstanceOf(MAP).containsEntry("Body", "Hi");
        assertThat(requests()).extracting(RecordedRequest::fault).containsExactly(fault, null);
        assertThat(requestLines()).containsOnly("GET " + accountPath("Messages/" + SID + ".json"));
    }

    @Test
    void retryAfterFromTwilioIsWaitedFor() {
        sandbox.put("Messages", Map.of("sid", SID));
        sandbox.faults().retryAfter(Duration.ofSeconds(1)).next(Fault.TOO_MANY_REQUESTS_RETRY_AFTER, 1);

        callOk("twilio-connector:Messages/Get?entityId=" + SID, null);

        assertThat(gap(requests())).isBetween(Duration.ofMillis(990), Duration.ofMillis(1_500));
    }

    @Test
    void anHourLongRetryAfterHoldsTheRequestOnlyForRetryAfterCap() {
        connection("twilio-capped", component -> component.setRetryAfterCap(200));
        sandbox.put("Messages", Map.of("sid", SID));
        sandbox.faults().retryAfter(Duration.ofHours(1)).next(Fault.TOO_MANY_REQUESTS_RETRY_AFTER, 1);

        callOk("twilio-capped:Messages/Get?entityId=" + SID, null);

        // HttpClient's own retry of a 429 would have slept the hour, or sent a request of its own
        assertThat(requests()).hasSize(2);
        assertThat(gap(requests())).isBetween(Duration.ofMillis(195), Duration.ofMillis(900));
    }

    @Test
    void getGivesUpAfterRetryMaxAttemptsWithTwiliosLastAnswer() {
        sandbox.faults().always(Fault.SERVICE_UNAVAILABLE);

        Exchange exchange = call("twilio-connector:Messages/Get?entityId=" + SID, null);

        TwilioConnectorException error = exchange.getException(TwilioConnectorException.class);
        assertThat(error.getStatus()).isEqualTo(503);
        assertThat(error.getCode()).isEqualTo(20503);
        assertThat(requests()).hasSize(RetrySettings.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void noRetryStartsOnceRetryMaxElapsedTimeWouldBePassed() {
        connection("twilio-budget", component -> component.setRetryMaxElapsedTime(1_500));
        sandbox.faults().retryAfter(Duration.ofSeconds(1)).always(Fault.TOO_MANY_REQUESTS_RETRY_AFTER);

        Exchange exchange = call("twilio-budget:Messages/Get?entityId=" + SID, null);

        // the first retry ends at about 1 s; a second would end at about 2 s, past the 1.5 s allowed
        assertThat(exchange.getException(TwilioConnectorException.class).getStatus()).isEqualTo(429);
        assertThat(requests()).hasSize(2);
    }

    @Test
    void clientErrorsAreNeverRetried() {
        Exchange exchange = call("twilio-connector:Messages/Get?entityId=" + SID, null);

        assertThat(exchange.getException(TwilioConnectorException.class).getStatus()).isEqualTo(404);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void deleteWhoseAnswerWasLostIsDoneWhenTheRetryFindsTheRecordGone() {
        sandbox.put("Messages", Map.of("sid", SID));
        sandbox.faults().next(Fault.CONNECTION_RESET, 1);

        Object result = callOk("twilio-connector:Messages/Delete?entityId=" + SID, null);

        assertThat(result).isEqualTo(Map.of("Sid", SID));
        assertThat(requests()).extracting(RecordedRequest::method, RecordedRequest::status, RecordedRequest::fault)
                .containsExactly(tuple("DELETE", 204, Fault.CONNECTION_RESET),
                        tuple("DELETE", 404, null));
        assertThat(sandbox.records("Messages")).isEmpty();
    }

    @Test
    void createThatMetA503IsNotRetriedAndItsOutcomeIsUnknownWithThePayload() {
        sandbox.faults().next(Fault.SERVICE_UNAVAILABLE, 1);

        Exchange exchange = call("twilio-connector:Messages/Create", message("first"));

        TwilioConnectorOutcomeUnknownException error = exchange.getException(TwilioConnectorOutcomeUnknownException.class);
        assertThat(error.getPayload()).containsEntry("To", List.of(MESSAGE_TO)).containsEntry("From", List.of(MESSAGE_FROM))
                .containsEntry("Body", List.of("first"));
        assertThat(error.getMethod()).isEqualTo("POST");
        assertThat(error.getTarget()).isEqualTo(accountPath("Messages.json"));
        assertThat(error.getMessage()).startsWith("The outcome of Messages Create (POST " + accountPath("Messages.json")
                + ") is unknown: the request reached Twilio, or may have, but Twilio answered HTTP 503 with error 20503");
        assertThat(error.getCause()).isInstanceOf(TwilioConnectorException.class);
        assertThat(requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"INTERNAL_SERVER_ERROR", "BAD_GATEWAY", "GATEWAY_TIMEOUT"})
    void createThatMetAServerOrGatewayErrorIsNotRetriedAndItsOutcomeIsUnknown(Fault fault) {
        int status = switch (fault) {
            case INTERNAL_SERVER_ERROR -> 500;
            case BAD_GATEWAY -> 502;
            default -> 504;
        };
        sandbox.faults().next(fault, 1);

        Exchange exchange = call("twilio-connector:Messages/Create", message("maybe"));

        TwilioConnectorOutcomeUnknownException error = exchange.getException(TwilioConnectorOutcomeUnknownException.class);
        assertThat(error.getPayload()).containsEntry("Body", List.of("maybe"));
        assertThat(error.getCause()).isInstanceOfSatisfying(TwilioConnectorException.class, answer ->
                assertThat(answer.getStatus()).isEqualTo(status));
        assertThat(requests()).extracting(RecordedRequest::fault).containsExactly(fault);
        assertThat(sandbox.records("Messages")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SLOW_RESPONSE", "CONNECTION_RESET", "TRUNCATED_BODY"})
    void createWhoseAnswerIsLostIsNotRetriedSoItIsNeverDoneTwice(Fault fault) {
        sandbox.faults().slowResponseDelay(Duration.ofMillis(1_500)).next(fault, 1);

        Exchange exchange = call("twilio-connector:Messages/Create", message("once"));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorOutcomeUnknownException.class);
        assertThat(requests()).hasSize(1);
        assertThat(sandbox.records("Messages")).singleElement().satisfies(m -> assertThat(m).containsEntry("body", "once"));
    }

    @Test
    void createTurnedAwayWith429IsSentAgainAfterRetryAfterAndCreatedOnce() {
        sandbox.faults().retryAfter(Duration.ofSeconds(1)).next(Fault.TOO_MANY_REQUESTS_RETRY_AFTER, 1);

        Object created = callOk("twilio-connector:Messages/Create", message("later"));

        assertThat(created).asInstanceOf(MAP).containsEntry("Body", "later");
        assertThat(requests()).extracting(RecordedRequest::method, RecordedRequest::status, RecordedRequest::fault)
                .containsExactly(tuple("POST", 429, Fault.TOO_MANY_REQUESTS_RETRY_AFTER), tuple("POST", 201, null));
        assertThat(gap(requests())).isBetween(Duration.ofMillis(990), Duration.ofMillis(1_500));
        assertThat(sandbox.records("Messages")).singleElement().satisfies(m -> assertThat(m).containsEntry("body", "later"));
    }

    @Test
    void createTurnedAwayWith429WithoutRetryAfterIsSentAgainAfterTheBackoffAndCreatedOnce() {
        sandbox.faults().next(Fault.TOO_MANY_REQUESTS, 2);

        callOk("twilio-connector:Messages/Create", message("third time"));

        assertThat(requests()).extracting(RecordedRequest::status).containsExactly(429, 429, 201);
        assertThat(requestLines()).containsOnly("POST " + accountPath("Messages.json"));
        assertThat(sandbox.records("Messages")).singleElement().satisfies(m -> assertThat(m).containsEntry("body", "third time"));
    }

    @Test
    void createTurnedAwayWith429OnEveryAttemptFailsWithTwiliosAnswerAsNothingWasCreated() {
        sandbox.faults().always(Fault.TOO_MANY_REQUESTS);

        Exchange exchange = call("twilio-connector:Messages/Create", message("never"));

        TwilioConnectorException error = exchange.getException(TwilioConnectorException.class);
        assertThat(error).isNotInstanceOf(TwilioConnectorOutcomeUnknownException.class);
        assertThat(error.getStatus()).isEqualTo(429);
        assertThat(error.getCode()).isEqualTo(20429);
        assertThat(requests()).hasSize(RetrySettings.DEFAULT_MAX_ATTEMPTS);
        assertThat(sandbox.records("Messages")).isEmpty();
    }

    @Test
    void createTurnedAwayWith429IsNotRetriedPastRetryMaxElapsedTime() {
        connection("twilio-create-budget", component -> component.setRetryMaxElapsedTime(1_500));
        sandbox.faults().retryAfter(Duration.ofSeconds(1)).always(Fault.TOO_MANY_REQUESTS_RETRY_AFTER);

        Exchange exchange = call("twilio-create-budget:Messages/Create", message("too late"));

        TwilioConnectorException error = exchange.getException(TwilioConnectorException.class);
        assertThat(error).isNotInstanceOf(TwilioConnectorOutcomeUnknownException.class);
        assertThat(error.getStatus()).isEqualTo(429);
        assertThat(error.getCode()).isEqualTo(20429);
        assertThat(requests()).hasSize(2);
        assertThat(sandbox.records("Messages")).isEmpty();
    }

    @Test
    void createThatCouldNotConnectIsRetriedAsItNeverReachedTwilio() throws Exception {
        int closedPort = AvailablePortFinder.getNextAvailable();
        var refused = connection("twilio-refused", component -> component.setBaseUrl("http://127.0.0.1:" + closedPort));

        Exchange exchange = call("twilio-refused:Messages/Create", message("never"));

        assertThat(exchange.getException()).isInstanceOf(RequestNotSentException.class)
                .hasMessageStartingWith("Could not reach Twilio for Messages Create (POST " + accountPath("Messages.json")
                        + "), the request was not sent: ");
        assertThat(refused.callPath().retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    }

    @Test
    void createRefusedAConnectionIsRetriedUntilTwilioListensAndIsCreatedOnce() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        var late = connection("twilio-late", component -> {
            component.setBaseUrl("http://127.0.0.1:" + port);
            component.setRetryMaxAttempts(200);
            component.setRetryInitialDelay(20);
            component.setRetryMaxDelay(20);
        });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Exchange> create = caller.submit(() -> call("twilio-late:Messages/Create", message("late")));
            Thread.sleep(300);
            try (SandboxFront front = SandboxFront.plain(port, sandbox.port())) {
                assertThat(create.get(10, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            caller.shutdownNow();
        }

        assertThat(late.callPath().retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
        assertThat(requestLines()).containsExactly("POST " + accountPath("Messages.json"));
        assertThat(sandbox.records("Messages")).singleElement().satisfies(m -> assertThat(m).containsEntry("body", "late"));
    }

    @Test
    void createWhoseTlsHandshakeFailedIsRetriedAndIsCreatedOnce(@TempDir Path certificates) throws Exception {
        TestCertificate trusted = TestCertificate.create(Files.createDirectory(certificates.resolve("trusted")));
        TestCertificate stranger = TestCertificate.create(Files.createDirectory(certificates.resolve("stranger")));
        try (SandboxFront front = SandboxFront.tls(sandbox.port(), stranger.serverContext(), 1, trusted.serverContext())) {
            var tls = connection("twilio-tls", component -> {
                component.setBaseUrl("https://127.0.0.1:" + front.port());
                component.setSslContextParameters(trusting(trusted));
            });

            Object created = callOk("twilio-tls:Messages/Create", message("over tls"));

            assertThat(created).asInstanceOf(MAP).containsEntry("Body", "over tls");
            assertThat(front.connections()).isEqualTo(2);
            assertThat(tls.callPath().retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
        }
        assertThat(requestLines()).containsExactly("POST " + accountPath("Messages.json"));
        assertThat(sandbox.records("Messages")).singleElement().satisfies(m -> assertThat(m).containsEntry("body", "over tls"));
    }

    private static SSLContextParameters trusting(TestCertificate certificate) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + certificate.keyStore());
        store.setPassword(certificate.password());
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }

    private static Map<String, Object> message(String body) {
        return Map.of("To", MESSAGE_TO, "From", MESSAGE_FROM, "Body", body);
    }

    private static Duration gap(List<RecordedRequest> requests) {
        return Duration.between(requests.get(0).received(), requests.get(1).received());
    }
}
