package dev.twilioconnector.resilience;

/**
 * One failed attempt of a call, as the retry sees it: the failure with the call it belongs to, so that the
 * retry's shared rules can tell whether this call may go again and how long to wait first.
 */
final class FailedAttempt extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Call call;
    private final RuntimeException failure;

    FailedAttempt(Call call, RuntimeException failure) {
        // only carries the failure through resilience4j's retry; a stack trace of its own would say nothing
        super(failure.getMessage(), failure, false, false);
        this.call = call;
        this.failure = failure;
    }

    RuntimeException failure() {
        return failure;
    }

    boolean mayRetry() {
        return RetryRules.mayRetry(call.request(), failure);
    }

    /** Milliseconds to wait before attempt {@code failedAttempts + 1}, or -1 to give up. */
    long delayBeforeRetry(int failedAttempts) {
        return call.delayBeforeRetry(failedAttempts, failure);
    }
}
