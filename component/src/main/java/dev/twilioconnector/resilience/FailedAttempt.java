package dev.twilioconnector.resilience;

/**
 * One failed attempt of a call, as resilience4j's retry sees it: the failure, whether the retry rules and the time
 * allowed let the call go again, and the wait before it does, decided once when the attempt failed.
 */
final class FailedAttempt extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RuntimeException failure;
    private final boolean mayRetry;
    private final long delayMillis;

    FailedAttempt(RuntimeException failure, boolean mayRetry, long delayMillis) {
        // only carries the failure through resilience4j's retry; a stack trace of its own would say nothing
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.mayRetry = mayRetry;
        this.delayMillis = delayMillis;
    }

    RuntimeException failure() {
        return failure;
    }

    boolean mayRetry() {
        return mayRetry;
    }

    /** Milliseconds to wait before the next attempt. */
    long delayMillis() {
        return delayMillis;
    }
}
