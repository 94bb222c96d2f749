package dev.twilioconnector.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decoded {@code application/x-www-form-urlencoded} parameters, as found in a query string or a POST body.
 * Multi-valued and in arrival order, because Twilio repeats a parameter for list values ({@code MediaUrl}).
 */
final class Params {

    static final Params EMPTY = new Params(Map.of());

    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * {@code text} as a whole number from {@code min} to {@code max}, {@code absent} when it is missing or empty; else
     * the error {@code invalid} makes of a message that names the parameter and the allowed range.
     */
    static int whole(String text, int absent, String name, int min, int max, Function<String, TwilioError> invalid) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below with the allowed range
        }
        throw invalid.apply(name + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    static Params parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new Params(values);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Present with at least one non-empty value: how Twilio judges a required parameter. */
    boolean hasValue(String name) {
        return all(name).stream().anyMatch(v -> !v.isEmpty());
    }

    String first(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? null : all.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Iterable<String> names() {
        return values.keySet();
    }

    Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
