package dev.twilioconnector.resilience;

import dev.twilioconnector.error.InvalidSettingException;

import java.time.Duration;

/**
 * When and how a failed request is sent again.
 *
 * @param maxAttempts    attempts in all, the first included; 1 turns retries off
 * @param initialDelay   the backoff before the first retry; each further retry doubles it
 * @param maxDelay       the most a backoff grows to
 * @param maxElapsed     the time from the first attempt after which no retry starts
 * @param retryAfterCap  the longest wait a {@code Retry-After} from Twilio may impose
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxElapsed,
                            Duration retryAfterCap) {

    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final long DEFAULT_INITIAL_DELAY_MILLIS = 500;
    public static final long DEFAULT_MAX_DELAY_MILLIS = 10_000;
    public static final long DEFAULT_MAX_ELAPSED_MILLIS = 30_000;
    public static final long DEFAULT_RETRY_AFTER_CAP_MILLIS = 30_000;

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new InvalidSettingException("retryMaxAttempts", "is " + maxAttempts
                    + ": give the attempts in all, the first included, at least 1");
        }
        positive("retryInitialDelay", initialDelay);
        positive("retryMaxDelay", maxDelay);
        positive("retryMaxElapsedTime", maxElapsed);
        positive("retryAfterCap", retryAfterCap);
    }

    private static void positive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(setting, "is " + value.toMillis() + ": give a number of milliseconds, at least 1");
        }
    }
}
