package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.IntConsumer;

/** Writes answers; every answer goes through here, so the request log learns each status before the client does. */
final class Responses {

    /** Exchange attribute: an {@link IntConsumer} told the status just before it is sent. */
    static final String ON_STATUS = "sandbox.onStatus";

    private Responses() {
    }

    /** Sends {@code body} as JSON, or an empty body when it is {@code null} (a 204). */
    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (exchange.getAttribute(ON_STATUS) instanceof IntConsumer listener) {
            listener.accept(status);
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = WireFormat.json(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
