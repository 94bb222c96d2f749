package dev.twilioconnector.resilience;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.error.TwilioConnectorCircuitOpenException;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.sandbox.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection's breaker opens under a burst of failures, sends nothing while open, and closes once Twilio heals. */
class CircuitBreakerTest extends ResilienceTestSupport {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    private static final String GET = "twilio-breaker:Messages/Get?entityId=" + SID;

    @Test
    void opensUnderAFailureBurstFailsFastWhileOpenAndRecoversWhenTwilioHeals() throws Exception {
        TwilioConnectorComponent connection = connection("twilio-breaker", component -> {
            component.setRetryMaxAttempts(1);
            component.setCircuitBreakerSlidingWindowSize(10);
            component.setCircuitBreakerMinimumNumberOfCalls(10);
            component.setCircuitBreakerWaitDurationInOpenState(500);
            component.setCircuitBreakerPermittedCallsInHalfOpenState(2);
        });
        sandbox.put("Messages", Map.of("sid", SID));
        MeterRegistry meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meters", meters);
        sandbox.faults().always(Fault.SERVICE_UNAVAILABLE);

        for (int i = 0; i < 10; i++) {
            assertThat(call(GET, null).getException(TwilioConnectorException.class).getStatus()).isEqualTo(503);
        }
        CircuitBreaker breaker = connection.callPath().breaker();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(health(connection).getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health(connection).getDetails()).containsEntry("circuit.breaker.state", "OPEN")
                .containsEntry("circuit.breaker.failure.rate", 100.0f);
        assertThat(stateGauge(meters, connection, "open")).isEqualTo(1.0);
        assertThat(stateGauge(meters, connection, "closed")).isEqualTo(0.0);

        sandbox.clearRequests();
        for (int i = 0; i < 20; i++) {
            Exchange refused = call(GET, null);
            assertThat(refused.getException()).isInstanceOf(TwilioConnectorCircuitOpenException.class)
                    .hasMessage("The circuit breaker of connection " + connection.getConnectionName() + " is OPEN: 100.0% of"
                            + " the last 10 requests to Twilio failed (circuitBreakerFailureRateThreshold 50%), so Messages"
                            + " Get (GET " + accountPath("Messages/" + SID + ".json") + ") was not sent. 500 ms after"
                            + " opening it lets 2 probe requests through to see whether Twilio has recovered");
        }
        assertThat(requests()).as("nothing reaches Twilio while the breaker is open").isEmpty();

        sandbox.faults().clear();
        Thread.sleep(600);
        callOk(GET, null);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        callOk(GET, null);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(requests()).hasSize(2);
        assertThat(health(connection).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(stateGauge(meters, connection, "closed")).isEqualTo(1.0);
    }

    private HealthCheck.Result health(TwilioConnectorComponent connection) {
        return HealthCheckRegistry.get(context)
                .getCheck("twilio-connector-" + connection.getConnectionName() + "-circuit-breaker")
                .orElseThrow().call();
    }

    private static double stateGauge(MeterRegistry meters, TwilioConnectorComponent connection, String state) {
        return meters.get("twilio.connector.circuit.breaker.state")
                .tags("connection", connection.getConnectionName(), "state", state).gauge().value();
    }

    @Test
    void answersThatSayTheRequestWasWrongDoNotOpenIt() {
        TwilioConnectorComponent connection = connection("twilio-breaker", component -> {
            component.setCircuitBreakerSlidingWindowSize(5);
            component.setCircuitBreakerMinimumNumberOfCalls(5);
        });

        for (int i = 0; i < 10; i++) {
            assertThat(call(GET, null).getException(TwilioConnectorException.class).getStatus()).isEqualTo(404);
        }

        assertThat(connection.callPath().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void twiliosTooManyRequestsDoNotOpenIt() {
        TwilioConnectorComponent connection = connection("twilio-breaker", component -> {
            component.setRetryMaxAttempts(1);
            component.setCircuitBreakerSlidingWindowSize(5);
            component.setCircuitBreakerMinimumNumberOfCalls(5);
        });
        sandbox.faults().always(Fault.TOO_MANY_REQUESTS);

        for (int i = 0; i < 10; i++) {
            assertThat(call(GET, null).getException(TwilioConnectorException.class).getStatus()).isEqualTo(429);
        }

        assertThat(connection.callPath().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(requests()).as("every one reached Twilio: the node throttle, not the breaker, answers a 429").hasSize(10);
    }
}
