package dev.twilioconnector.resilience;

import dev.twilioconnector.support.RequestWindows;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Twilio sees no more than the limit in any second, and close to the limit on average, while 8 threads ask for
 * far more than 10 times the limit for 20 seconds. Counted from the sandbox's request log, in every window of one
 * second that starts at a request. About a minute in all.
 */
class NodeThrottleAccuracyTest extends ResilienceTestSupport {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    private static final int THREADS = 8;
    private static final Duration RUN = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0} TPS")
    @ValueSource(ints = {5, 25, 100})
    void noSecondHoldsMoreThanTheLimitAndTheAverageIsWithinTwoPercentOfIt(int limit) throws Exception {
        String scheme = "twilio-tps" + limit;
        connection(scheme, component -> component.setTransactionsPerSecond(limit));
        sandbox.put("Messages", Map.of("sid", SID));
        String uri = scheme + ":Messages/Get?entityId=" + SID;
        // every thread's HTTP connection open before the count starts: opening one delays that request alone
        offer(uri, Duration.ZERO);
        sandbox.clearRequests();

        int failed = offer(uri, RUN);

        RequestWindows seen = new RequestWindows(requests());
        System.out.printf("Node throttle at %d TPS: %d requests in %d s from %d threads, busiest second %d,"
                        + " average %.2f per second (%.2f%% of the limit)%n", limit, seen.count(), RUN.toSeconds(),
                THREADS, seen.busiestSecond(), seen.averagePerSecond(), 100 * seen.averagePerSecond() / limit);
        assertThat(failed).isZero();
        assertThat(seen.busiestSecond()).isLessThanOrEqualTo(limit);
        assertThat(seen.averagePerSecond()).isCloseTo(limit, withinPercentage(2));
    }

    /** Each thread sends again as soon as it has an answer, one round or until {@code run} is over; the failures. */
    private int offer(String uri, Duration run) throws Exception {
        long end = System.nanoTime() + run.toNanos();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                senders.add(threads.submit(() -> {
                    do {
                        Exchange exchange = producer.request(uri, e -> { });
                        if (exchange.getException() != null) {
                            failed.incrementAndGet();
                        }
                    } while (System.nanoTime() - end < 0);
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(run.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return failed.get();
    }
}
