package dev.twilioconnector.resilience;

import dev.twilioconnector.sandbox.Fault;
import dev.twilioconnector.sandbox.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A node that Twilio answers 429 sends slower, and climbs back to its {@code transactionsPerSecond} once the 429s
 * stop, as the sandbox's request log shows while 6 threads send flat out. Margins are wide: this shows the node
 * adapting, not how precisely (the unit tests of {@link AdaptiveRate} do that). That no second holds more than the
 * limit, whatever the rate, is the departure log's, which the cut leaves as it is; {@link NodeThrottleAccuracyTest}
 * shows it alone in a JVM of its own, where the sandbox's arrival stamps are not late on a loaded machine.
 * About 15 seconds.
 */
class NodeThrottleSlowdownTest extends ResilienceTestSupport {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    private static final int LIMIT = 25;
    private static final int THREADS = 6;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aNodeAnswered429SendsSlowerAndClimbsBackToItsLimitOnceThe429sStop() throws Exception {
        // one request a call, so that the log counts turns taken, not retries waited for
        NodeThrottle throttle = connection("twilio-adaptive", component -> component.getConfiguration().setRetryMaxAttempts(1))
                .callPath().throttle();
        sandbox.put("Messages", Map.of("sid", SID));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long overloadFrom;
        long quietFrom;
        double cut;
        long climbedBack;
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                senders.add(threads.submit(() -> {
                    while (running.get()) {
                        call("twilio-adaptive:Messages/Get?entityId=" + SID, null);
                    }
                }));
            }
            Thread.sleep(2_000);
            overloadFrom = System.nanoTime();
            sandbox.faults().always(Fault.TOO_MANY_REQUESTS);
            // less than a second of 429s: one overload, one cut
            Thread.sleep(600);
            sandbox.faults().clear();
            quietFrom = System.nanoTime();
            cut = throttle.currentRate();
            while (throttle.currentRate() < LIMIT && System.nanoTime() - quietFrom < 20 * SECOND) {
                Thread.sleep(50);
            }
            climbedBack = System.nanoTime();
            Thread.sleep(2_000);
            running.set(false);
            for (Future<?> sender : senders) {
                sender.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<RecordedRequest> log = requests();
        long atTheLimit = between(log, overloadFrom - SECOND * 3 / 2, overloadFrom);
        long firstQuietSecond = between(log, quietFrom, quietFrom + SECOND);
        long climbedAgain = between(log, climbedBack + SECOND / 2, climbedBack + 2 * SECOND);
        System.out.printf("Node throttle at %d TPS: %d requests in the 1.5 s before the 429s, cut to %.1f TPS, %d requests"
                        + " in the first second after them, back at %d TPS after %.1f s, then %d requests in 1.5 s%n",
                LIMIT, atTheLimit, cut, firstQuietSecond, LIMIT, (climbedBack - quietFrom) / 1e9, climbedAgain);
        assertThat(log).filteredOn(r -> r.fault() != null).isNotEmpty();
        assertThat(cut).isLessThanOrEqualTo(LIMIT * AdaptiveRate.DECREASE_FACTOR);
        // at 17.5 a second, 17 in the first quiet second; at the limit, 24.6 a second: 36 in 1.5 s
        assertThat(firstQuietSecond).isLessThanOrEqualTo(20);
        // a twenty-fifth of the limit back every quiet second: 8 of them from 17.5 to 25
        assertThat(climbedBack - quietFrom).isBetween(7 * SECOND, 12 * SECOND);
        assertThat(climbedAgain).isGreaterThanOrEqualTo(30);
    }

    @Test
    void afterACutNoRequestLeavesBeforeItsTurnAtTheSlowerRate() {
        NodeThrottle throttle = new NodeThrottle("cut", new ThrottleSettings(10, 10), () -> 0L);
        sendAtOnce(throttle);

        throttle.tooManyRequests();
        long cut = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            sendAtOnce(throttle);
        }

        // at 7 TPS turns are 145 ms apart, and the eighth request after the cut leaves 7 turns after the first at
        // the earliest; at 10 TPS it would have left 710 ms after the cut
        assertThat(throttle.currentRate()).isCloseTo(7, within(1e-9));
        assertThat(System.nanoTime() - cut).isGreaterThanOrEqualTo(7 * 145_000_000L);
    }

    private static void sendAtOnce(NodeThrottle throttle) {
        throttle.acquire();
        throttle.writing();
    }

    /** Requests that arrived from {@code from} to before {@code to}, on {@link System#nanoTime()}. */
    private static long between(List<RecordedRequest> log, long from, long to) {
        return log.stream().filter(r -> r.receivedNanos() - from >= 0 && r.receivedNanos() - to < 0).count();
    }
}
