package dev.twilioconnector.resilience;

import dev.twilioconnector.TwilioConnectorThrottledException;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The node throttle: every HTTP request of one connection in this JVM takes a turn here before it is sent, so
 * Twilio sees at most {@code transactionsPerSecond} requests in any second from this node, however many routes
 * and threads share the connection.
 *
 * <p>Turns are spaced evenly, one every {@code 1/transactionsPerSecond} seconds, rather than a second's worth let
 * out at once at the start of each second: a limiter counting fixed periods (resilience4j's RateLimiter) lets the
 * last request of one period and the first of the next go out back to back, which puts one request too many into a
 * second that straddles them. Turns are also spaced 1.5% wider than that, which leaves 15 ms in every second, at
 * any rate, for the time a request takes on its way to Twilio to vary (thread scheduling, a GC pause) without
 * pushing one more into a second as Twilio counts them; the node sends 98.5% of its limit when saturated.
 *
 * <p>Turns keep to their schedule, so a late wake-up costs no throughput, but a request goes only when no more
 * than {@code transactionsPerSecond - 1} others left in the window before it (a log of the latest departures):
 * after a GC pause, the requests that missed their turns do not all go out at once.
 *
 * <p>A request that finds every turn within {@code queueSize} turns of now taken fails at once with
 * {@link TwilioConnectorThrottledException}; nothing waits unbounded and nothing is dropped without it.
 */
public final class NodeThrottle {

    /** How much wider than {@code 1/transactionsPerSecond} turns are spaced, in thousandths. */
    static final int JITTER_ALLOWANCE_PER_MILLE = 15;

    private final ThrottleSettings settings;
    private final long spacingNanos;
    private final long maxWaitNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    private final List<LongConsumer> waitListeners = new CopyOnWriteArrayList<>();
    /** The window no more than transactionsPerSecond requests may leave in: one second and the allowance. */
    private final long windowNanos;
    /** The turn the next request to arrive is given. */
    private long nextTurn;
    /** When the last transactionsPerSecond requests left, oldest at {@link #oldest}. */
    private final long[] departures;
    private int oldest;

    public NodeThrottle(ThrottleSettings settings) {
        this.settings = settings;
        this.spacingNanos = TimeUnit.SECONDS.toNanos(1) * (1000 + JITTER_ALLOWANCE_PER_MILLE)
                / (1000L * settings.transactionsPerSecond());
        this.maxWaitNanos = spacingNanos * settings.queueSize();
        this.windowNanos = spacingNanos * settings.transactionsPerSecond();
        this.nextTurn = System.nanoTime();
        this.departures = new long[settings.transactionsPerSecond()];
        Arrays.fill(departures, nextTurn - windowNanos);
    }

    /**
     * Waits for this request's turn.
     *
     * @return the nanoseconds waited
     * @throws TwilioConnectorThrottledException when the queue is full
     */
    public long acquire() {
        long start = System.nanoTime();
        long turn = reserveTurn(start);
        waiting.incrementAndGet();
        try {
            for (long wait = departAt(turn); wait > 0; wait = departAt(turn)) {
                LockSupport.parkNanos(this, wait);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Interrupted while waiting for the node throttle; the request was not sent");
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
        long waited = System.nanoTime() - start;
        for (LongConsumer listener : waitListeners) {
            listener.accept(waited);
        }
        return waited;
    }

    /** Tells {@code listener} how many nanoseconds each request waited for its turn. */
    public void onWait(LongConsumer listener) {
        waitListeners.add(listener);
    }

    /** Requests waiting for their turn now, the one about to go included. */
    public int waiting() {
        return waiting.get();
    }

    public ThrottleSettings settings() {
        return settings;
    }

    /** The time between two turns. */
    public long spacingNanos() {
        return spacingNanos;
    }

    /** This request's turn, or the refusal when it lies beyond the queue. */
    private synchronized long reserveTurn(long now) {
        long turn = now - nextTurn > 0 ? now : nextTurn;
        if (turn - now > maxWaitNanos) {
            throw new TwilioConnectorThrottledException(settings.transactionsPerSecond(), settings.queueSize());
        }
        nextTurn = turn + spacingNanos;
        return turn;
    }

    /**
     * Lets the request go, or says how long it must still wait. A request goes at its turn, and never within one
     * window of the departure transactionsPerSecond requests back: requests that missed their turns (a pause, a
     * late wake-up) go out together only as far as that keeps every window at the limit.
     */
    private synchronized long departAt(long turn) {
        long now = System.nanoTime();
        long windowFree = departures[oldest] + windowNanos;
        long earliest = turn - windowFree > 0 ? turn : windowFree;
        if (earliest - now > 0) {
            return earliest - now;
        }
        departures[oldest] = now;
        oldest = (oldest + 1) % departures.length;
        return 0;
    }
}
