package dev.twilioconnector.resilience;

import dev.twilioconnector.error.TwilioConnectorThrottledException;
import dev.twilioconnector.support.RequestWindows;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/** Every request of a connection takes its turn at the one node throttle, and beyond its queue fails at once. */
class NodeThrottleTest extends ResilienceTestSupport {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    /** The paced connection's turns are 50.75 ms apart; half of one is far beyond loopback's jitter. */
    private static final Duration HALF_A_TURN = Duration.ofMillis(25);

    @Test
    void requestBeyondTheQueueFailsAtOnceNamingTheLimitAndTheQueueSize() throws Exception {
        connection("twilio-slow", component -> {
            component.setTransactionsPerSecond(1);
            component.setThrottleQueueSize(1);
        });
        sandbox.put("Messages", Map.of("sid", SID));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Timed>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(threads.submit(timed(() -> call("twilio-slow:Messages/Get?entityId=" + SID, null))));
            }
            List<Timed> results = new ArrayList<>();
            for (Future<Timed> call : calls) {
                results.add(call.get());
            }

            // one goes at once, one waits its turn a second later, the third finds the queue of one full
            List<Timed> refused = results.stream().filter(t -> t.exchange().getException() != null).toList();
            assertThat(refused).singleElement().satisfies(t -> {
                assertThat(t.exchange().getException()).isInstanceOf(TwilioConnectorThrottledException.class)
                        .hasMessage("Throttled: this node sends at most 1 requests per second to Twilio"
                                + " (transactionsPerSecond) and 1 requests are already waiting for their turn"
                                + " (throttleQueueSize), so the request was not sent");
                assertThat(t.took()).isLessThan(Duration.ofMillis(500));
            });
            assertThat(requests()).hasSize(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void everyPageOfAListTakesATurn() {
        List<Long> turns = pacedConnection();
        sandbox.seed("Messages", 30);

        // Body is filtered here, not by Twilio, so finding no match reads every page of 10
        callOk("twilio-paced:Messages/List?pageSize=10&filterClause=Body LIKE '%nowhere%'", null);

        assertThat(requests()).hasSize(3);
        assertThat(turns).hasSize(3);
        assertThat(new RequestWindows(requests()).closestPair()).isGreaterThanOrEqualTo(HALF_A_TURN);
    }

    @Test
    void everyRecordOfAFilteredDeleteTakesATurn() {
        List<Long> turns = pacedConnection();
        IntStream.range(0, 4).forEach(i -> sandbox.put("Messages", Map.of("body", "old")));

        Object result = callOk("twilio-paced:Messages/Delete?filterClause=Body = 'old'", null);

        assertThat(result).asInstanceOf(MAP).containsEntry("Count", 4);
        assertThat(requests()).hasSize(5);
        assertThat(turns).hasSize(5);
        assertThat(new RequestWindows(requests()).closestPair()).isGreaterThanOrEqualTo(HALF_A_TURN);
    }

    @Test
    void aThrottleStepInAYamlRouteComposesWithTheNodeThrottle() throws Exception {
        List<Long> turns = pacedConnection();
        sandbox.put("Messages", Map.of("sid", SID));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("throttled.yaml", """
                - route:
                    id: throttled
                    from:
                      uri: "direct:throttled"
                      steps:
                        - throttle:
                            expression:
                              constant: "4"
                            timePeriodMillis: 1000
                        - to: "twilio-paced:Messages/Get?entityId=%s"
                """.formatted(SID)));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(threads.submit(() -> producer.request("direct:throttled", e -> { })));
            }
            for (Future<Exchange> call : calls) {
                assertThat(call.get().getException()).isNull();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(requests()).hasSize(8);
        // the route lets the second four through a second after the first four ...
        assertThat(Duration.between(requests().get(0).received(), requests().get(7).received()))
                .isGreaterThan(Duration.ofMillis(900));
        // ... and the node throttle spaces each four it lets through at once: all but the first of them wait for a
        // turn of theirs, 50.75 ms apart at 20 TPS, so each waits more than half of one
        assertThat(turns).hasSize(8);
        long halfATurn = TimeUnit.MILLISECONDS.toNanos(25);
        assertThat(turns.stream().filter(wait -> wait > halfATurn)).hasSizeGreaterThanOrEqualTo(6);
    }

    /**
     * A connection {@code twilio-paced} at 20 requests a second, its HTTP connection already open, so that the
     * sandbox sees requests as far apart as the throttle let them go. Returns the wait of each turn taken.
     */
    private List<Long> pacedConnection() {
        var paced = connection("twilio-paced", component -> component.setTransactionsPerSecond(20));
        call("twilio-paced:Messages/Get?entityId=" + SID, null);
        sandbox.clearRequests();
        List<Long> turns = new CopyOnWriteArrayList<>();
        paced.callPath().throttle().onWait(turns::add);
        return turns;
    }

    private record Timed(Exchange exchange, Duration took) {
    }

    private static Callable<Timed> timed(Callable<Exchange> call) {
        return () -> {
            long start = System.nanoTime();
            Exchange exchange = call.call();
            return new Timed(exchange, Duration.ofNanos(System.nanoTime() - start));
        };
    }
}
