package dev.twilioconnector.resilience;

import dev.twilioconnector.error.InvalidSettingException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Duration;

/**
 * When the connection's circuit breaker opens and how it recovers. The defaults are resilience4j's.
 *
 * @param failureRateThreshold        percentage of failed requests in the window that opens the breaker
 * @param slidingWindowSize           the last requests the failure rate is taken over
 * @param minimumNumberOfCalls        requests needed before the rate counts
 * @param waitDurationInOpenState     how long the breaker stays open before it lets probes through
 * @param permittedCallsInHalfOpenState probe requests that decide whether it closes again
 */
public record BreakerSettings(int failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                              Duration waitDurationInOpenState, int permittedCallsInHalfOpenState) {

    public static final int DEFAULT_FAILURE_RATE_THRESHOLD = 50;
    public static final int DEFAULT_SLIDING_WINDOW_SIZE = 100;
    public static final int DEFAULT_MINIMUM_NUMBER_OF_CALLS = 100;
    public static final long DEFAULT_WAIT_DURATION_IN_OPEN_STATE_MILLIS = 60_000;
    public static final int DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE = 10;

    public BreakerSettings {
        if (failureRateThreshold < 1 || failureRateThreshold > 100) {
            throw new InvalidSettingException("circuitBreakerFailureRateThreshold", "is " + failureRateThreshold
                    + ": give a percentage from 1 to 100");
        }
        atLeastOne("circuitBreakerSlidingWindowSize", slidingWindowSize);
        atLeastOne("circuitBreakerMinimumNumberOfCalls", minimumNumberOfCalls);
        atLeastOne("circuitBreakerPermittedCallsInHalfOpenState", permittedCallsInHalfOpenState);
        if (waitDurationInOpenState.toMillis() < 1) {
            throw new InvalidSettingException("circuitBreakerWaitDurationInOpenState", "is "
                    + waitDurationInOpenState.toMillis() + ": give a number of milliseconds, at least 1");
        }
    }

    CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRateThreshold)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumNumberOfCalls)
                .waitDurationInOpenState(waitDurationInOpenState)
                .permittedNumberOfCallsInHalfOpenState(permittedCallsInHalfOpenState)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(RetryRules::signalsTrouble)
                .build();
    }

    private static void atLeastOne(String setting, int value) {
        if (value < 1) {
            throw new InvalidSettingException(setting, "is " + value + ": give a number, at least 1");
        }
    }
}
