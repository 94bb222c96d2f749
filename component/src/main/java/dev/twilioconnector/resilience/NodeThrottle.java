package dev.twilioconnector.resilience;

import dev.twilioconnector.client.WriteListener;
import dev.twilioconnector.error.TwilioConnectorThrottledException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The node throttle: every HTTP request of one connection in this JVM takes a turn here before it is sent, so
 * Twilio sees at most {@code transactionsPerSecond} requests in any second from this node, however many routes
 * and threads share the connection. The turns are resilience4j's {@link RateLimiter}, one per connection.
 *
 * <p>Its period is one turn, {@code 1/transactionsPerSecond} seconds, and holds one permit: a limiter that let a
 * second's worth out at the start of each second would let the last requests of one second and the first of the
 * next go out back to back. Turns are 1.5% longer than that, which leaves 15 ms in every second, at any rate, for
 * the time a request takes on its way to Twilio to vary (thread scheduling, a short GC pause) without pushing one
 * more into a second as Twilio counts them; the node sends 98.5% of its limit when saturated.
 *
 * <p>A period's permit may be taken at any moment within it, and a request that waited goes at the start of its
 * period, so a request that found the limiter idle late in a period could be followed almost at once by one in the
 * next. Such a request therefore takes the next period's permit as well: two requests in a row are always a turn
 * apart. A request finds the limiter idle only when none is waiting, so this costs throughput only when there is
 * none to lose.
 *
 * <p>resilience4j hands out turns ahead, to absolute times: requests that wake late for theirs do not delay the
 * ones after them, and so cost no throughput. But a request that wakes late (a GC pause, a machine starved of CPU
 * by the very burst being throttled) would go out close behind the one after it, and enough of them would put one
 * request too many into a second. So a request leaves only when fewer than {@code transactionsPerSecond} left in
 * the window before it (one second and the allowance; a log of the latest departures): a limiter counts the
 * turns it gives, this counts the requests that really went, which is what Twilio sees. A request counts from
 * when it is written ({@link #writing()}), and then from when its write is done ({@link #written()}), not from its
 * turn: one that had a connection to open first, or whose thread lost its CPU between its turn and the end of its
 * write (measured up to 20 ms on a busy 2-core machine), would otherwise reach Twilio closer to the ones after it
 * than the log knows.
 *
 * <p>The limiter's timeout is {@code queueSize + 1} turns: the request due next and {@code queueSize} behind it may
 * wait, and one that would have to wait longer fails at once with {@link TwilioConnectorThrottledException}
 * (resilience4j reserves no permit it cannot grant within the timeout), as does one that finds {@code queueSize + 1}
 * requests waiting already; nothing waits unbounded and nothing is dropped without it.
 *
 * <p>{@code transactionsPerSecond} is this node's share, but the account's limit is Twilio's, shared by every node of
 * the connection and everything else on the account: when they send more together than it admits, Twilio turns
 * requests away with 429. So each 429 ({@link #tooManyRequests()}) slows the turns, and quiet seconds bring them back
 * to {@code transactionsPerSecond} ({@link AdaptiveRate} says by how much and why). resilience4j cannot change a
 * limiter's period, so a new rate takes a new limiter, made under the lock that reserves turns; its first turn comes
 * no earlier than the old one's next would have, so requests holding a turn keep it and none is given twice. Its
 * timeout is {@code queueSize + 1} turns of the new rate, so the queue bound holds at whatever rate the node sends.
 * The departure log keeps bounding by {@code transactionsPerSecond}, the most the node ever sends. Until a 429
 * arrives the first limiter is never replaced: the node's turns are as they would be without any of this.
 */
public final class NodeThrottle implements WriteListener {

    /** How much longer than {@code 1/transactionsPerSecond} a turn is, in thousandths. */
    static final int JITTER_ALLOWANCE_PER_MILLE = 15;

    private final String connection;
    private final int transactionsPerSecond;
    private final int queueSize;
    private final AdaptiveRate rate;
    /** The turns at {@link #limiterRate}, replaced when the adaptive rate moves. */
    private AtomicRateLimiter limiter;
    private double limiterRate;
    private final AtomicInteger waiting = new AtomicInteger();
    private final List<LongConsumer> waitListeners = new CopyOnWriteArrayList<>();
    /** One turn times transactionsPerSecond: the window no more than transactionsPerSecond requests may leave in. */
    private final long windowNanos;
    /**
     * When the latest transactionsPerSecond requests were written (when they were let out, until then), the oldest at
     * {@link #oldest}.
     */
    private final long[] departures;
    private int oldest;
    /** The departure this thread was let out for and has not yet written. */
    private final ThreadLocal<Departure> unwritten = new ThreadLocal<>();

    /** @param writing whether {@link #writing()} was told of it: only then does a flush end its write */
    private record Departure(int slot, long at, boolean writing) {
    }

    public NodeThrottle(String connection, ThrottleSettings settings) {
        this(connection, settings, System::nanoTime);
    }

    /** With {@code clock} (nanoseconds, as {@link System#nanoTime()}) timing the adaptive rate's seconds. */
    NodeThrottle(String connection, ThrottleSettings settings, LongSupplier clock) {
        this.connection = connection;
        this.transactionsPerSecond = settings.transactionsPerSecond();
        this.queueSize = settings.queueSize();
        this.rate = new AdaptiveRate(transactionsPerSecond, clock);
        Duration turn = turn(transactionsPerSecond);
        this.limiter = new AtomicRateLimiter(connection, limiterConfig(turn, turn.multipliedBy(queueSize + 1L)));
        this.limiterRate = transactionsPerSecond;
        this.windowNanos = turn.toNanos() * transactionsPerSecond;
        this.departures = new long[transactionsPerSecond];
        Arrays.fill(departures, System.nanoTime() - windowNanos);
    }

    /**
     * Waits for this request's turn.
     *
     * @return the nanoseconds waited
     * @throws TwilioConnectorThrottledException when the queue is full
     */
    public long acquire() {
        long start = System.nanoTime();
        long wait = reserveTurn();
        if (wait < 0) {
            throw new TwilioConnectorThrottledException(transactionsPerSecond, queueSize);
        }
        try {
            // counted from after the reservation, never from before it: a request must not go before its turn
            park(wait);
            for (long left = departureDelay(); left > 0; left = departureDelay()) {
                park(left);
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

    /**
     * The request this thread was let out for is being written to Twilio now, after any connection it needed was
     * opened: the log counts it from now. Does nothing when the log has moved past it, a second or more later.
     */
    @Override
    public void writing() {
        Departure departure = unwritten.get();
        if (departure != null) {
            unwritten.set(restamp(departure));
        }
    }

    /**
     * The request this thread is writing has been handed to the operating system: the log counts it from now, as
     * {@link #writing()} does. Anything flushed before {@link #writing()} (a proxy's CONNECT) is not the request.
     */
    @Override
    public void written() {
        Departure departure = unwritten.get();
        if (departure != null && departure.writing()) {
            unwritten.remove();
            restamp(departure);
        }
    }

    /** Logs the departure as of now, unless the log has moved past it; the departure as logged, being written. */
    private synchronized Departure restamp(Departure departure) {
        if (departures[departure.slot()] != departure.at()) {
            return null;
        }
        long now = System.nanoTime();
        departures[departure.slot()] = now;
        return new Departure(departure.slot(), now, true);
    }

    /**
     * Twilio turned a request of this connection away with 429: the node slows down (at most once a second,
     * however many arrive together) and climbs back to {@code transactionsPerSecond} once they stop.
     */
    public synchronized void tooManyRequests() {
        rate.tooManyRequests();
    }

    /** Requests per second this node lets out now: {@code transactionsPerSecond}, less while Twilio answers 429. */
    public synchronized double currentRate() {
        return rate.current();
    }

    /** Tells {@code listener} how many nanoseconds each request waited for its turn. */
    public void onWait(LongConsumer listener) {
        waitListeners.add(listener);
    }

    /** Requests waiting for their turn now. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Nanoseconds until this request's turn, counting it among the waiting, or -1 when it lies beyond the queue.
     * Locked so that no other request takes the next period between a request granted at once and the next period's
     * permit it takes as well, nor a place among the waiting between the count and its turn.
     *
     * <p>The count bounds the queue as well as the limiter's timeout: under long saturation the departure log, which
     * counts requests from when they were written, holds each lap of requests a little behind the limiter's turns,
     * and those it holds are waiting, though the limiter no longer counts them.
     */
    private synchronized long reserveTurn() {
        if (waiting.get() > queueSize) {
            return -1;
        }
        followRate();
        long wait = limiter.reservePermission();
        if (wait == 0) {
            limiter.reservePermission();
        }
        if (wait >= 0) {
            waiting.incrementAndGet();
        }
        return wait;
    }

    /**
     * Replaces the limiter when the adaptive rate moved. The new one first gives away, to no one, whole turns of its
     * own until the old one's next turn, so that its first turn for a request comes no earlier: requests already
     * holding a turn of the old one keep theirs, and the new rate applies from the next. Its timeout covers those
     * turns while they are given, then becomes {@code queueSize + 1} turns of the new rate: a request that would wait
     * longer than that behind the old turns is turned away as the queue bound says.
     */
    private void followRate() {
        double current = rate.current();
        if (current == limiterRate) {
            return;
        }
        Duration turn = turn(current);
        Duration timeout = turn.multipliedBy(queueSize + 1L);
        long carried = limiter.getDetailedMetrics().getNanosToWait();
        int givenAway = (int) Math.min(Integer.MAX_VALUE, (carried + turn.toNanos() - 1) / turn.toNanos());
        AtomicRateLimiter next = new AtomicRateLimiter(connection, limiterConfig(turn, timeout.plus(turn.multipliedBy(givenAway))));
        if (givenAway > 0) {
            next.reservePermission(givenAway);
        }
        next.changeTimeoutDuration(timeout);
        limiter = next;
        limiterRate = current;
    }

    /** One turn at {@code requestsPerSecond}, with the jitter allowance. */
    private static Duration turn(double requestsPerSecond) {
        return Duration.ofNanos((long) (TimeUnit.SECONDS.toNanos(1) * (1000.0 + JITTER_ALLOWANCE_PER_MILLE)
                / (1000 * requestsPerSecond)));
    }

    private static RateLimiterConfig limiterConfig(Duration turn, Duration timeout) {
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(turn)
                .timeoutDuration(timeout)
                .build();
    }

    /** Lets the request leave, logging when, or says how long it must still wait for the window to allow it. */
    private synchronized long departureDelay() {
        long now = System.nanoTime();
        long free = departures[oldest] + windowNanos;
        if (free - now > 0) {
            return free - now;
        }
        departures[oldest] = now;
        unwritten.set(new Departure(oldest, now, false));
        oldest = (oldest + 1) % departures.length;
        return 0;
    }

    private void park(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while waiting for the node throttle; the request was not sent");
            }
        }
    }
}
