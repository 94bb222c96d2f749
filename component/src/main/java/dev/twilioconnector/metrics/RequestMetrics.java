package dev.twilioconnector.metrics;

import dev.twilioconnector.TwilioConnectorException;
import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.client.TwilioResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts and times every HTTP request of a connection, tagged by connection, entity and operation:
 * {@code twilio_connector_requests_seconds} (a latency histogram whose count is the number of requests, tagged
 * with the HTTP status), {@code twilio_connector_errors_total} (by HTTP status and Twilio error code) and
 * {@code twilio_connector_throttle_wait_seconds} (the wait at the node throttle).
 * Nothing is measured while {@code registry} finds no registry ({@link MeterRegistryLookup}).
 */
public final class RequestMetrics {

    static final String REQUESTS = "twilio.connector.requests";
    static final String ERRORS = "twilio.connector.errors";
    static final String THROTTLE_WAIT = "twilio.connector.throttle.wait";

    private final String connection;
    private final Supplier<MeterRegistry> registry;

    public RequestMetrics(String connection, Supplier<MeterRegistry> registry) {
        this.connection = connection;
        this.registry = registry;
    }

    public Function<TwilioRequest, TwilioResponse> around(Function<TwilioRequest, TwilioResponse> send) {
        return request -> {
            MeterRegistry meters = registry.get();
            if (meters == null) {
                return send.apply(request);
            }
            long start = System.nanoTime();
            String status = "none";
            try {
                TwilioResponse response = send.apply(request);
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
