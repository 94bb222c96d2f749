package dev.twilioconnector.resilience;

import dev.twilioconnector.TwilioConnectorThrottledException;
import dev.twilioconnector.support.RequestWindows;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Twilio sees no more than the limit in any second, and close to the limit on average, while 8 threads ask for
 * far more than 10 times the limit for 20 seconds, and while 10 times the limit arrives regardless of answers, most
 * of it beyond the queue. Counted from the sandbox's request log, in every window of one second that starts at a
 * request. About a minute and a half in all, alone in a JVM of its own (the {@code throttle-accuracy} execution in
 * this module's pom): rerun it with {@code mvn -B -q install -DskipTests -pl sandbox,component} and
 * {@code mvn -B -pl component surefire:test@throttle-accuracy}.
 */
class NodeThrottleAccuracyTest extends ResilienceTestSupport {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    private static final int THREADS = 8;
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    @ParameterizedTest(name = "{0} TPS")
    @ValueSource(ints = {5, 25, 100})
    void noSecondHoldsMoreThanTheLimitAndTheAverageIsWithinTwoPercentOfIt(int limit) throws Exception {
        String scheme = "twilio-tps" + limit;
        connection(scheme, component -> component.setTransactionsPerSecond(limit));
        sandbox.put("Messages", Map.of("sid", SID));
        String uri = scheme + ":Messages/Get?entityId=" + SID;
        warmUp();
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

    @Test
    void tenTimesTheLimitOfferedBeyondTheQueueFailsTheExcessAtOnceAndNoSecondHoldsMoreThanTheLimit() throws Exception {
        int limit = 25;
        int queueSize = 25;
        Duration run = Duration.ofSeconds(10);
        connection("twilio-flood", component -> {
            component.setTransactionsPerSecond(limit);
            component.setThrottleQueueSize(queueSize);
        });
        sandbox.put("Messages", Map.of("sid", SID));
        String uri = "twilio-flood:Messages/Get?entityId=" + SID;
        warmUp();
        offer(uri, Duration.ZERO);
        sandbox.clearRequests();

        // one request every 4 ms, whether or not the earlier ones have their answers: 250 a second
        List<Exchange> answered = new CopyOnWriteArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(queueSize + 2 * THREADS);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger offered = new AtomicInteger();
        long perRequest = TimeUnit.SECONDS.toNanos(1) / (10L * limit);
        try {
            clock.scheduleAtFixedRate(() -> {
                offered.incrementAndGet();
                senders.execute(() -> answered.add(producer.request(uri, e -> { })));
            }, 0, perRequest, TimeUnit.NANOSECONDS);
            Thread.sleep(run.toMillis());
            clock.shutdown();
            assertThat(clock.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            clock.shutdownNow();
            senders.shutdownNow();
        }

        List<Exception> failures = answered.stream().map(Exchange::getException).filter(Objects::nonNull).toList();
        RequestWindows seen = new RequestWindows(requests());
        System.out.printf("Node throttle at %d TPS, queue %d, offered %d in %d s: %d sent, %d throttled, busiest second"
                        + " %d, average %.2f per second%n", limit, queueSize, offered.get(), run.toSeconds(), seen.count(),
                failures.size(), seen.busiestSecond(), seen.averagePerSecond());
        assertThat(answered).hasSize(offered.get());
        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(TwilioConnectorThrottledException.class));
        assertThat(seen.count()).isEqualTo(offered.get() - failures.size());
        // all that the limit and the queue could not take was refused: at least the 9 in 10 beyond the limit, less the queue
        assertThat(failures.size()).isGreaterThanOrEqualTo(offered.get() - (int) (limit * run.toSeconds()) - queueSize - 1);
        assertThat(seen.busiestSecond()).isLessThanOrEqualTo(limit);
        assertThat(seen.averagePerSecond()).isCloseTo(limit, withinPercentage(2));
    }

    /**
     * Sends as fast as the sandbox answers for a while, on a connection of its own, so that the compiler has done
     * its work on the call path and the sandbox before the count: compiling then would delay some requests on their
     * way to the sandbox and not others.
     */
    private void warmUp() throws Exception {
        connection("twilio-warm-up", component -> component.setTransactionsPerSecond(10_000));
        offer("twilio-warm-up:Messages/Get?entityId=" + SID, WARM_UP);
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
