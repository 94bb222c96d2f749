package dev.twilioconnector.resilience;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The rate a node sends at while Twilio turns its requests away with 429: additive increase, multiplicative
 * decrease, as TCP shares a link. Each node of a connection counts only its own 429s, yet all of them answer the
 * account-wide limit they share, and AIMD is what lets such senders settle under a common limit, each with a fair
 * share, without knowing of each other.
 *
 * <p>A 429 cuts the rate to {@value #DECREASE_FACTOR} of itself, at most once a {@linkplain #INTERVAL_NANOS
 * second}: the 429s of one overload arrive together, answers to requests sent before the cut, and counting each
 * would cut the rate to the floor for one event. The rate never falls below 1 request a second, so a node always
 * learns when the overload is over.
 *
 * <p>Each whole second without a 429 adds a twenty-fifth of the ceiling (1 request a second at the default 25):
 * a node regains the 30% a cut took in 7.5 quiet seconds at any setting, and N nodes that cut together probe back
 * together, N twenty-fifths a second in all, slowly enough that the account's limit answers the probe before the
 * connection overshoots it by much. It never climbs above the ceiling, the node's {@code transactionsPerSecond}.
 *
 * <p>Not thread-safe: its {@link NodeThrottle} calls it under its own lock.
 */
final class AdaptiveRate {

    static final double DECREASE_FACTOR = 0.7;
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final double FLOOR = 1;
    /** The part of the ceiling each quiet second adds back. */
    static final int CLIMB_STEPS = 25;

    private final int ceiling;
    private final double climbStep;
    private final LongSupplier clock;
    private double rate;
    private boolean cut;
    private long lastCut;
    /** Since when no 429 has arrived and the rate has not climbed: the next step is due a second after it. */
    private long quietSince;

    /**
     * @param ceiling the requests per second the node may send at most, and sends while no 429 arrives
     * @param clock   the time in nanoseconds, as {@link System#nanoTime()} gives it
     */
    AdaptiveRate(int ceiling, LongSupplier clock) {
        this.ceiling = ceiling;
        this.climbStep = (double) ceiling / CLIMB_STEPS;
        this.clock = clock;
        this.rate = ceiling;
    }

    /** Requests per second the node may send now. */
    double current() {
        if (rate < ceiling) {
            climb(clock.getAsLong());
        }
        return rate;
    }

    /** Twilio answered 429: cuts the rate unless it was cut less than a second ago. */
    void tooManyRequests() {
        long now = clock.getAsLong();
        if (rate < ceiling) {
            climb(now);
        }
        if (!cut || now - lastCut >= INTERVAL_NANOS) {
            rate = Math.max(FLOOR, rate * DECREASE_FACTOR);
            cut = true;
            lastCut = now;
        }
        quietSince = now;
    }

    private void climb(long now) {
        long quietSeconds = (now - quietSince) / INTERVAL_NANOS;
        if (quietSeconds > 0) {
            rate = Math.min(ceiling, rate + quietSeconds * climbStep);
            quietSince += quietSeconds * INTERVAL_NANOS;
        }
    }
}
