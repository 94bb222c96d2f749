package dev.twilioconnector.health;

import dev.twilioconnector.resilience.CallPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.health.HealthCheckResultBuilder;

import java.util.function.Supplier;

/**
 * Readiness of a connection's call path: down while its circuit breaker is open, that is while it fails requests
 * without sending them; up, with the breaker's state and failure rate and the throttle's queue, otherwise.
 */
public final class CircuitBreakerHealthCheck extends CallPathHealthCheck {

    public CircuitBreakerHealthCheck(String connectionName, Supplier<CallPath> callPath) {
        super("twilio-connector-" + connectionName + "-circuit-breaker", callPath);
    }

    @Override
    protected void check(HealthCheckResultBuilder builder, CallPath current) {
        CircuitBreaker breaker = current.breaker();
        CircuitBreaker.State state = breaker.getState();
        builder.detail("circuit.breaker.state", state.name());
        builder.detail("circuit.breaker.failure.rate", breaker.getMetrics().getFailureRate());
        builder.detail("circuit.breaker.buffered.calls", breaker.getMetrics().getNumberOfBufferedCalls());
        builder.detail("circuit.breaker.not.permitted.calls", breaker.getMetrics().getNumberOfNotPermittedCalls());
        builder.detail("throttle.waiting", current.throttle().waiting());
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            builder.down().message("The circuit breaker is " + state + ": requests to Twilio fail without being sent");
        } else {
            builder.up();
        }
    }
}
