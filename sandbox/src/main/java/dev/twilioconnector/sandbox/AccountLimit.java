package dev.twilioconnector.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's per-account request limit, played: at most {@link #perSecond()} requests of one account in any
 * one-second window, counted by arrival. The excess is answered 429 with Twilio's code 20429 ("Too Many
 * Requests", which Twilio defines as not processed and safe to retry) and is not carried out; the request log
 * shows it with status 429 and no {@link RecordedRequest#fault() fault}. None until a test asks for one, through
 * {@link TwilioSandbox#accountLimit()}; {@link TwilioSandbox#reset()} lifts it.
 *
 * <p>A request counts for the account its path names ({@code /2010-04-01/Accounts/AC.../...}), or, on a path
 * naming none ({@code /2010-04-01/Accounts.json}), for the account its credentials belong to; so an API Key's
 * requests count for its account. Requests turned away with 401 do not count, nor do refused ones.
 */
public final class AccountLimit {

    private int perSecond;
    private Duration retryAfter;
    private final Map<String, SlidingWindow> windows = new HashMap<>();

    /**
     * Admits at most {@code requests} requests per account in any one-second window; 0 lifts the limit. Counting
     * starts when a limit is first set: requests admitted while there was none do not count.
     */
    public synchronized AccountLimit perSecond(int requests) {
        perSecond = checkedPerSecond(requests);
        if (requests == 0) {
            windows.clear();
        }
        return this;
    }

    /**
     * Sends {@code Retry-After} in whole seconds with every refusal; {@code null} sends none, as Twilio often
     * does and as the limit does unless told otherwise.
     */
    public synchronized AccountLimit retryAfter(Duration wait) {
        retryAfter = checkedRetryAfter(wait);
        return this;
    }

    /** Sets both at once, or neither when one is unusable. */
    synchronized void set(int requests, Duration wait) {
        checkedPerSecond(requests);
        retryAfter(wait);
        perSecond(requests);
    }

    /** Lifts the limit and stops sending {@code Retry-After}. */
    public synchronized void lift() {
        perSecond(0);
        retryAfter = null;
    }

    /** The requests admitted per account and second; 0 when there is no limit. */
    public synchronized int perSecond() {
        return perSecond;
    }

    /** The {@code Retry-After} sent with each refusal, if any. */
    public synchronized Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static int checkedPerSecond(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException(
                    "account limit must be 0 (none) or more requests per second, got " + requests);
        }
        return requests;
    }

    private static Duration checkedRetryAfter(Duration wait) {
        if (wait != null && (wait.isNegative() || wait.toNanos() % 1_000_000_000L != 0)) {
            throw new IllegalArgumentException(
                    "account limit Retry-After must be whole seconds, 0 or more, got " + wait);
        }
        return wait;
    }

    /** Whether the request of {@code account} that arrived at {@code arrivalNanos} is admitted, counting it if so. */
    synchronized boolean admits(String account, long arrivalNanos) {
        return perSecond == 0
                || windows.computeIfAbsent(account, a -> new SlidingWindow()).tryAdmit(arrivalNanos, perSecond);
    }
}
