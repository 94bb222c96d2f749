package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Writes answers; every answer goes through here, so the request log learns each status before the client does,
 * every answer carries a {@code Twilio-Request-Id} as Twilio's do, and a {@link Fault} that spoils the answer is
 * applied here, after the work is done.
 */
final class Responses {

    /** Request attribute: an {@link IntConsumer} told the status just before it is sent. */
    static final String ON_STATUS = "sandbox.onStatus";
    static final String REQUEST_ID = "Twilio-Request-Id";

    private Responses() {
    }

    /** Sends {@code body} as JSON, or an empty body when it is {@code null} (a 204). */
    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (RequestAttributes.get(exchange, ON_STATUS) instanceof IntConsumer listener) {
            listener.accept(status);
        }
        Fault fault = (Fault) RequestAttributes.get(exchange, FaultInjector.FAULT);
        if (fault == Fault.SLOW_RESPONSE) {
            pause((Duration) RequestAttributes.get(exchange, FaultInjector.SLOW_RESPONSE_DELAY));
        } else if (fault == Fault.CONNECTION_RESET) {
            // closing an exchange before its headers are sent closes the connection: the client gets no answer
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set(REQUEST_ID, Ids.sid("RQ"));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = WireFormat.json(body);
        if (fault == Fault.TRUNCATED_BODY) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends a redirect to {@code location}, without a body. */
    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, status, null);
    }

    private static void pause(Duration delay) throws InterruptedIOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("sandbox stopped during a slow response");
        }
    }
}
