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
import java.util.function.IntConsumer;

/**
 * First filter of the chain: reads the form body once (leaving it decoded for the handler) and records every
 * request with the status it was answered, in arrival order.
 *
 * <p>A request is logged when it is answered, so a slow one is logged after faster ones that arrived later; a
 * poller that asked for the requests newer than the last arrival it saw would miss it. Pollers ask instead for
 * the requests logged after a cursor, the number of requests logged since start.
 */
final class RequestLog extends Filter {

    /** Request attribute: the decoded form body, a {@link Params}. */
    static final String FORM = "sandbox.form";
    /** Request attribute: the body's text when it is JSON, for the operations that take JSON; absent otherwise. */
    static final String JSON = "sandbox.json";

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    /** A poll's answer: the requests logged after the cursor asked with, in arrival order, and the cursor to ask with next. */
    record Tail(List<RecordedRequest> requests, long cursor) {
    }

    /** In the order logged. */
    private final List<RecordedRequest> entries = new ArrayList<>();
    /** Requests logged and cleared since start: the cursor of {@code entries.get(0)}. */
    private long cleared;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        ArrivalStampingExecutor.Arrival arrival = ArrivalStampingExecutor.current();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Params form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                ? Params.parse(new String(body, StandardCharsets.UTF_8))
                : Params.EMPTY;
        RequestAttributes.set(exchange, FORM, form);
        if (contentType != null && contentType.contains("json")) {
            RequestAttributes.set(exchange, JSON, new String(body, StandardCharsets.UTF_8));
        }
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
            add(request);
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

    private synchronized void add(RecordedRequest request) {
        entries.add(request);
    }

    synchronized List<RecordedRequest> requests() {
        return byArrival(entries);
    }

    /** The requests logged after {@code cursor} (0 for all since start), cleared ones excepted. */
    synchronized Tail after(long cursor) {
        int from = (int) Math.min(entries.size(), Math.max(0, cursor - cleared));
        return new Tail(byArrival(entries.subList(from, entries.size())), cleared + entries.size());
    }

    synchronized void clear() {
        cleared += entries.size();
        entries.clear();
    }

    private static List<RecordedRequest> byArrival(List<RecordedRequest> logged) {
        List<RecordedRequest> sorted = new ArrayList<>(logged);
        sorted.sort(Comparator.comparingLong(RecordedRequest::receivedNanos));
        return List.copyOf(sorted);
    }
}
