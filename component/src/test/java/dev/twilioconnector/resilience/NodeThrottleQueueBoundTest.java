package dev.twilioconnector.resilience;

import dev.twilioconnector.error.TwilioConnectorThrottledException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue stays bounded when requests are written late: the departure log then holds each lap of requests behind
 * the limiter's turns, further every lap, and those it holds count against the queue although the limiter has let
 * them through.
 */
class NodeThrottleQueueBoundTest {

    private static final int LIMIT = 10;
    private static final int QUEUE = 3;
    private static final int SENDERS = 12;
    private static final long WRITE_LAG_MILLIS = 40;
    private static final long RUN_MILLIS = 6_000;

    @Test
    void noMoreThanTheQueueAndTheRequestDueNextWaitWhileWritesLagBehindTheTurns() throws Exception {
        NodeThrottle throttle = new NodeThrottle("lagging", new ThrottleSettings(LIMIT, QUEUE));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostWaiting = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(SENDERS + 1);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                senders.add(threads.submit(() -> {
                    while (running.get()) {
                        try {
                            throttle.acquire();
                            Thread.sleep(WRITE_LAG_MILLIS);
                            throttle.writing();
                        } catch (TwilioConnectorThrottledException full) {
                            refused.incrementAndGet();
                            Thread.sleep(5);
                        }
                    }
                    return null;
                }));
            }
            threads.submit(() -> {
                while (running.get()) {
                    mostWaiting.accumulateAndGet(throttle.waiting(), Math::max);
                    Thread.sleep(1);
                }
                return null;
            });
            Thread.sleep(RUN_MILLIS);
            running.set(false);
            for (Future<?> sender : senders) {
                sender.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(refused.get()).isPositive();
        assertThat(mostWaiting.get()).isLessThanOrEqualTo(QUEUE + 1);
    }
}
