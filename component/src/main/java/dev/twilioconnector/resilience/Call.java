package dev.twilioconnector.resilience;

import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.error.TwilioConnectorException;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One request on its way through the retries: when it started, and whether an attempt may have reached Twilio. */
final class Call {

    private final TwilioRequest request;
    private final RetrySettings settings;
    private final long startNanos = System.nanoTime();
    private boolean mayHaveBeenCarriedOut;
    private int failedAttempts;

    Call(TwilioRequest request, RetrySettings settings) {
        this.request = request;
        this.settings = settings;
    }

    TwilioRequest request() {
        return request;
    }

    /** This attempt's failure, with whether the call goes again and after how long. */
    FailedAttempt failed(RuntimeException failure) {
        mayHaveBeenCarriedOut |= RetryRules.outcomeUnknown(failure);
        failedAttempts++;
        long delay = delayBeforeRetry(failure);
        return new FailedAttempt(failure, RetryRules.mayRetry(request, failure) && endsInTime(delay), delay);
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
     * wait up to the backoff so that clients failing together do not retry together.
     */
    private long delayBeforeRetry(RuntimeException failure) {
        long delay = retryAfter(failure);
        if (delay >= 0) {
            return delay;
        }
        long ceiling = settings.initialDelay().toMillis() << Math.min(failedAttempts - 1, 30);
        return ThreadLocalRandom.current().nextLong(Math.min(ceiling, settings.maxDelay().toMillis()) + 1);
    }

    /** No retry starts whose wait would end past the time allowed for all attempts. */
    private boolean endsInTime(long delay) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return elapsed + delay <= settings.maxElapsed().toMillis();
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
