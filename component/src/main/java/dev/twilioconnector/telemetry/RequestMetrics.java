package dev.twilioconnector.telemetry;

import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.client.TwilioAnswer;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.resilience.NodeThrottle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts and times every HTTP request of a connection, tagged by connection, entity and operation:
 * {@code twilio_connector_requests_seconds} (a latency histogram whose count is the number of requests, tagged
 * with the HTTP status), {@code twilio_connector_errors_total} (by HTTP status and Twilio error code, so
 * {@code status="429"} counts every request Twilio's account limit turned away, each attempt of a retried one) and
 * {@code twilio_connector_throttle_wait_seconds} (the wait at the node throttle); and the gauge
 * {@code twilio_connector_throttle_rate}, the requests per second the node throttle lets out now,
 * below {@code transactionsPerSecond} while Twilio answers 429.
 * Nothing is measured while {@code registry} finds no registry ({@link MeterRegistryLookup}); the gauge is bound at
 * the first request that finds one.
 */
public final class RequestMetrics {

    static final String REQUESTS = "twilio.connector.requests";
    static final String ERRORS = "twilio.connector.errors";
    static final String THROTTLE_WAIT = "twilio.connector.throttle.wait";
    static final String THROTTLE_RATE = "twilio.connector.throttle.rate";

    private final String connection;
    private final Supplier<MeterRegistry> registry;
    private final NodeThrottle throttle;
    private volatile boolean rateBound;

    public RequestMetrics(String connection, Supplier<MeterRegistry> registry, NodeThrottle throttle) {
        this.connection = connection;
        this.registry = registry;
        this.throttle = throttle;
    }

    public <A extends TwilioAnswer> Function<TwilioRequest, A> around(Function<TwilioRequest, A> send) {
        return request -> {
            MeterRegistry meters = registry.get();
            if (meters == null) {
                return send.apply(request);
            }
            if (!rateBound) {
                bindRate(meters);
            }
            long start = System.nanoTime();
            String status = "none";
            try {
                A response = send.apply(request);
                status = Integer.toString(response.status());
                return response;
            } catch (TwilioConnectorException e) {
                status = Integer.toString(e.getStatus());
                error(meters, request, status, e.getCode() == null ? "none" : e.getCode().toString());
                throw e;
            } catch (RuntimeException e) {
                status = "io";
                error(meters, request, status, "none");
                throw e;
            } finally {
                Timer.builder(REQUESTS).description("HTTP requests to Twilio and their latency")
                        .tags("connection", connection, "entity", entity(request), "operation", operation(request),
                                "method", request.method(), "status", status)
                        .publishPercentileHistogram()
                        .register(meters)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    /** Records how long a request waited at the node throttle before it could go. */
    public void throttleWait(long nanos) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            Timer.builder(THROTTLE_WAIT).description("Time requests waited at the node throttle")
                    .tags("connection", connection)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void bindRate(MeterRegistry meters) {
        if (rateBound) {
            return;
        }
        Gauge.builder(THROTTLE_RATE, throttle, NodeThrottle::currentRate)
                .description("Requests per second the node throttle lets out now: transactionsPerSecond, less while"
                        + " Twilio answers 429")
                .tags("connection", connection)
                .register(meters);
        rateBound = true;
    }

    private void error(MeterRegistry meters, TwilioRequest request, String status, String code) {
        Counter.builder(ERRORS).description("Failed HTTP requests to Twilio, by HTTP status and Twilio error code")
                .tags("connection", connection, "entity", entity(request), "operation", operation(request),
                        "status", status, "code", code)
                .register(meters)
                .increment();
    }

    /** The purpose is "{@code <Entity> <Operation>}", e.g. {@code Messages List}. */
    static String entity(TwilioRequest request) {
        String purpose = request.purpose();
        int space = purpose.indexOf(' ');
        return space < 0 ? purpose : purpose.substring(0, space);
    }

    static String operation(TwilioRequest request) {
        String purpose = request.purpose();
        int space = purpose.indexOf(' ');
        return space < 0 ? "" : purpose.substring(space + 1);
    }
}
