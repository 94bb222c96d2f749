package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntConsumer;

/**
 * First filter of the chain: reads the form body once (leaving it decoded for the handler) and records every
 * request with the status it was answered, in arrival order.
 */
final class RequestLog extends Filter {

    /** Request attribute: the decoded form body, a {@link Params}. */
    static final String FORM = "sandbox.form";

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private final ConcurrentLinkedQueue<RecordedRequest> entries = new ConcurrentLinkedQueue<>();

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        ArrivalStampingExecutor.Arrival arrival = ArrivalStampingExecutor.current();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Params form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                ? Params.parse(new String(body, StandardCharsets.UTF_8))
                : Params.EMPTY;
        RequestAttributes.set(exchange, FORM, form);
        IntConsumer record = status -> {
            RecordedRequest request = new RecordedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Params.parse(exchange.getRequestURI().getRawQuery()).asMap(),
                    form.asMap(),
                    (String) RequestAttributes.get(exchange, Authenticator.USER),
                    status,
                    arrival.at(),
                    arrival.nanos(),
                    (Fault) RequestAttributes.get(exchange, FaultInjector.FAULT));
            entries.add(request);
            LOG.debug("{} {} -> {}", request.method(), request.path(), status);
        };
        RequestAttributes.set(exchange, Responses.ON_STATUS, record);
        try {
            chain.doFilter(exchange);
        } finally {
            RequestAttributes.forget(exchange);
        }
    }

    @Override
    public String description() {
        return "records every request";
    }

    List<RecordedRequest> requests() {
        List<RecordedRequest> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(RecordedRequest::receivedNanos));
        return List.copyOf(sorted);
    }

    void clear() {
        entries.clear();
    }
}
