package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values one request carries from filter to filter to handler: its form, its caller, its fault. They cannot ride
 * on {@link HttpExchange#setAttribute}: the JDK keeps those in the {@code HttpContext}, one map shared by every
 * request in flight, so under concurrent requests each would read another's. The request log, first in the
 * chain, forgets a request's values when its answer is done.
 */
final class RequestAttributes {

    private static final Map<HttpExchange, Map<String, Object>> VALUES = new ConcurrentHashMap<>();

    private RequestAttributes() {
    }

    static void set(HttpExchange exchange, String name, Object value) {
        VALUES.computeIfAbsent(exchange, e -> new ConcurrentHashMap<>()).put(name, value);
    }

    static Object get(HttpExchange exchange, String name) {
        Map<String, Object> values = VALUES.get(exchange);
        return values == null ? null : values.get(name);
    }

    static void forget(HttpExchange exchange) {
        VALUES.remove(exchange);
    }
}
