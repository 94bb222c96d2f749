package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest extends SandboxTestSupport {

    @Test
    void everyRequestIsLoggedInOrderWithItsDecodedParametersAndStatus() {
        Instant before = Instant.now();
        http.post(Http.account(sandbox, "Calls.json"), Map.of("To", "+15558675310", "From", "+15017122661",
                "Url", "https://example.com/twiml",
                "StatusCallbackEvent", new String[] {"initiated", "answered"}));
        http.get(Http.account(sandbox, "Calls.json?To=%2B15558675310&" + Http.enc("StartTime>") + "=2024-06-01"));
        new Http(sandbox.baseUrl(), "ACnobody", "x").get(Http.account(sandbox, "Calls.json"));

        List<RecordedRequest> log = sandbox.requests();

        assertThat(log).extracting(RecordedRequest::method).containsExactly("POST", "GET", "GET");
        assertThat(log).extracting(RecordedRequest::status).containsExactly(201, 200, 401);
        assertThat(log).extracting(RecordedRequest::authUser)
                .containsExactly(sandbox.accountSid(), sandbox.accountSid(), "ACnobody");
        RecordedRequest create = log.get(0);
        assertThat(create.path()).isEqualTo(Http.account(sandbox, "Calls.json"));
        assertThat(create.formParams()).containsEntry("To", List.of("+15558675310"))
                .containsEntry("StatusCallbackEvent", List.of("initiated", "answered"));
        assertThat(create.received()).isAfterOrEqualTo(before);
        RecordedRequest list = log.get(1);
        assertThat(list.rawQuery()).isEqualTo("To=%2B15558675310&StartTime%3E=2024-06-01");
        assertThat(list.queryParams()).containsEntry("To", List.of("+15558675310"))
                .containsEntry("StartTime>", List.of("2024-06-01"));
        assertThat(list.formParams()).isEmpty();

        sandbox.clearRequests();
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void aRequestIsLoggedAtItsArrivalThoughItWaitsForAFreeWorker() throws Exception {
        sandbox.faults().next(Fault.SLOW_RESPONSE, TwilioSandbox.WORKERS);
        ExecutorService pool = Executors.newFixedThreadPool(TwilioSandbox.WORKERS);
        try {
            List<Future<Http.Reply>> holding = IntStream.range(0, TwilioSandbox.WORKERS)
                    .mapToObj(i -> pool.submit(() -> http.get(Http.account(sandbox, "Messages.json")))).toList();
            Thread.sleep(500);

            long sent = System.nanoTime();
            assertThat(http.get(Http.account(sandbox, "Calls.json")).status()).isEqualTo(200);
            long answered = System.nanoTime();

            RecordedRequest waited = sandbox.requests().stream()
                    .filter(request -> request.path().endsWith("/Calls.json")).findFirst().orElseThrow();
            assertThat(Duration.ofNanos(answered - sent)).as("answered after a worker came free")
                    .isGreaterThan(Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(waited.receivedNanos() - sent)).as("logged when it arrived")
                    .isBetween(Duration.ZERO, Duration.ofMillis(600));
            // answered and logged before the next test clears the log
            for (Future<Http.Reply> reply : holding) {
                assertThat(reply.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesAreAllStoredAndLogged() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Reply>> replies = IntStream.range(0, 80).mapToObj(i -> pool.submit(() ->
                    http.post(Http.account(sandbox, "Messages.json"),
                            Map.of("To", "+1555000" + i, "From", "+15017122661", "Body", "n" + i)))).toList();
            for (Future<Http.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(sandbox.records("Messages")).hasSize(80)
                .extracting(m -> m.get("sid")).doesNotHaveDuplicates();
        assertThat(sandbox.requests()).hasSize(80);
    }
}
