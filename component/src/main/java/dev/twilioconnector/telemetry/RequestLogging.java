package dev.twilioconnector.telemetry;

import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.client.TwilioAnswer;
import org.apache.camel.LoggingLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * One log line per request to Twilio: at INFO for answers when the connection's logLevel is INFO or finer,
 * at ERROR for failures unless logLevel is OFF. Lines carry the entity, operation, HTTP status, Twilio's request
 * id ({@code -} when Twilio sent none) and the duration, never a credential: requests are logged by method and path only.
 */
public final class RequestLogging {

    private static final Logger LOG = LoggerFactory.getLogger("dev.twilioconnector.requests");

    private final String connection;
    private final LoggingLevel level;

    public RequestLogging(String connection, LoggingLevel level) {
        this.connection = connection;
        this.level = level;
    }

    public <A extends TwilioAnswer> Function<TwilioRequest, A> around(Function<TwilioRequest, A> send) {
        return request -> {
            long start = System.nanoTime();
            try {
                A response = send.apply(request);
                if (level.isEnabled(LoggingLevel.INFO)) {
                    LOG.info("{} {} {}: HTTP {} request {} in {} ms", connection, request.purpose(), request,
                            response.status(), response.requestId() == null ? "-" : response.requestId(), millisSince(start));
                }
                return response;
            } catch (RuntimeException e) {
                if (level.isEnabled(LoggingLevel.ERROR)) {
                    LOG.error("{} {} {}: failed in {} ms: {}", connection, request.purpose(), request,
                            millisSince(start), e.getMessage());
                }
                throw e;
            }
        };
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
