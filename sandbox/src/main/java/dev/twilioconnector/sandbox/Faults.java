package dev.twilioconnector.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Which requests the sandbox fails, and how: the next few, every one, or a random share. Switched per test through
 * {@link TwilioSandbox#faults()}; {@link TwilioSandbox#reset()} clears it. Only authenticated requests are
 * failed, so wrong credentials still meet a 401.
 */
public final class Faults {

    /** How long a {@link Fault#SLOW_RESPONSE} holds its answer unless told otherwise. */
    public static final Duration DEFAULT_SLOW_RESPONSE_DELAY = Duration.ofSeconds(2);
    /** The {@code Retry-After} of {@link Fault#TOO_MANY_REQUESTS_RETRY_AFTER} unless told otherwise. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final Deque<Fault> next = new ArrayDeque<>();
    private int passes;
    private Fault always;
    private double rate;
    private List<Fault> randomKinds = List.of();
    private Random random = new Random();
    private Duration slowResponseDelay = DEFAULT_SLOW_RESPONSE_DELAY;
    private Duration retryAfter = DEFAULT_RETRY_AFTER;

    /** Fails the next {@code count} requests with {@code fault}, before any other rule applies. */
    public synchronized Faults next(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            next.add(fault);
        }
        return this;
    }

    /**
     * Answers the next {@code count} requests normally before any other rule applies, e.g. to fail the second page
     * of a List and not its first.
     */
    public synchronized Faults pass(int count) {
        passes += count;
        return this;
    }

    /** Fails every request with {@code fault} until {@link #clear()}. */
    public synchronized Faults always(Fault fault) {
        always = fault;
        return this;
    }

    /**
     * Fails a share {@code rate} (0..1) of requests, each with one of {@code kinds} picked at random; the same
     * {@code seed} picks the same requests and faults in the same order.
     */
    public synchronized Faults randomly(double rate, long seed, List<Fault> kinds) {
        if (rate < 0 || rate > 1 || kinds.isEmpty()) {
            throw new IllegalArgumentException("rate must be within 0..1 and kinds not empty, got " + rate + " " + kinds);
        }
        this.rate = rate;
        this.randomKinds = List.copyOf(kinds);
        this.random = new Random(seed);
        return this;
    }

    /** How long {@link Fault#SLOW_RESPONSE} holds the answer. */
    public synchronized Faults slowResponseDelay(Duration delay) {
        this.slowResponseDelay = delay;
        return this;
    }

    /** Heals the sandbox: no request is failed from now on. */
    public synchronized void clear() {
        next.clear();
        passes = 0;
        always = null;
        rate = 0;
        randomKinds = List.of();
        slowResponseDelay = DEFAULT_SLOW_RESPONSE_DELAY;
        retryAfter = DEFAULT_RETRY_AFTER;
    }

    /** The {@code Retry-After} that {@link Fault#TOO_MANY_REQUESTS_RETRY_AFTER} sends, in whole seconds. */
    public synchronized Faults retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    synchronized Duration retryAfter() {
        return retryAfter;
    }

    synchronized Duration slowResponseDelay() {
        return slowResponseDelay;
    }

    /** The fault for the request arriving now, or null to answer it normally. */
    synchronized Fault pick() {
        if (passes > 0) {
            passes--;
            return null;
        }
        if (!next.isEmpty()) {
            return next.poll();
        }
        if (always != null) {
            return always;
        }
        if (rate > 0 && random.nextDouble() < rate) {
            return randomKinds.get(random.nextInt(randomKinds.size()));
        }
        return null;
    }
}
