package dev.twilioconnector.resilience;

import dev.twilioconnector.TwilioConnectorException;
import dev.twilioconnector.client.TwilioRequest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One request on its way through the retries: when it started, and whether an attempt may have reached Twilio. */
final class Call {

    private final TwilioRequest request;
    private final RetrySettings settings;
    private final long startNanos = System.nanoTime();
    private boolean mayHaveBeenCarriedOut;

    Call(TwilioRequest request, RetrySettings settings) {
        this.request = request;
        this.settings = settings;
    }

    TwilioRequest request() {
        return request;
    }

    void failed(RuntimeException failure) {
        mayHaveBeenCarriedOut |= RetryRules.outcomeUnknown(failure);
    }

    /**
     * A DELETE that Twilio answers 404 after an earlier attempt may have reached it did what was asked: the
     * earlier attempt deleted the record and its answer was lost.
     */
    boolean alreadyDeleted(RuntimeException failure) {
        return "DELETE".equals(request.method()) && mayHaveBeenCarriedOut
                && failure instanceof TwilioConnectorException answer && answer.getStatus() == 404;
    }

    /**
     * Twilio's {@code Retry-After}, capped, when it sent one; else exponential backoff with full jitter, a random
     * wait up to the backoff so that clients failing together do not retry together. -1 when the wait would end
     * past the time allowed for all attempts.
     */
    long delayBeforeRetry(int failedAttempts, RuntimeException failure) {
        long delay = retryAfter(failure);
        if (delay < 0) {
            long ceiling = settings.initialDelay().toMillis() << Math.min(failedAttempts - 1, 30);
            delay = ThreadLocalRandom.current().nextLong(Math.min(ceiling, settings.maxDelay().toMillis()) + 1);
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return elapsed + delay > settings.maxElapsed().toMillis() ? -1 : delay;
    }

    private long retryAfter(RuntimeException failure) {
        if (failure instanceof TwilioConnectorException answer) {
            return answer.getRetryAfter()
                    .map(wait -> Math.min(wait.toMillis(), settings.retryAfterCap().toMillis()))
                    .orElse(-1L);
        }
        return -1;
    }
}
