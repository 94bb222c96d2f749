package dev.twilioconnector.telemetry;

import dev.twilioconnector.client.TwilioRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state of a connection's circuit breaker as gauges: {@code twilio_connector_circuit_breaker_state}, 1 for
 * the state it is in and 0 for the others (tag {@code state}: closed, open, half_open), and
 * {@code twilio_connector_circuit_breaker_failure_rate} in percent (-1 until the breaker has seen enough requests).
 * Bound at the first request that finds a registry ({@link MeterRegistryLookup}).
 */
public final class CircuitBreakerMetrics {

    static final String STATE = "twilio.connector.circuit.breaker.state";
    static final String FAILURE_RATE = "twilio.connector.circuit.breaker.failure.rate";

    private final String connection;
    private final Supplier<MeterRegistry> registry;
    private volatile boolean bound;

    public CircuitBreakerMetrics(String connection, Supplier<MeterRegistry> registry) {
        this.connection = connection;
        this.registry = registry;
    }

    /** {@code send}, binding the gauges of {@code breaker} at the first request that finds a registry. */
    public <A> Function<TwilioRequest, A> around(CircuitBreaker breaker, Function<TwilioRequest, A> send) {
        return request -> {
            // the lock only once there is a registry to bind to: without one, requests do not queue on it
            if (!bound && registry.get() != null) {
                bind(breaker);
            }
            return send.apply(request);
        };
    }

    private synchronized void bind(CircuitBreaker breaker) {
        if (bound) {
            return;
        }
        MeterRegistry meters = registry.get();
        for (CircuitBreaker.State state : new CircuitBreaker.State[] {
                CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN}) {
            Gauge.builder(STATE, breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the state the connection's circuit breaker is in, 0 for the others")
                    .tags("connection", connection, "state", state.name().toLowerCase())
                    .register(meters);
        }
        Gauge.builder(FAILURE_RATE, breaker, b -> b.getMetrics().getFailureRate())
                .description("Percentage of failed requests in the circuit breaker's window, -1 until it has enough")
                .tags("connection", connection)
                .baseUnit("percent")
                .register(meters);
        bound = true;
    }
}
