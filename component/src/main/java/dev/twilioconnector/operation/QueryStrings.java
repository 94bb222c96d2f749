package dev.twilioconnector.operation;

import dev.twilioconnector.wire.FormParameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A query string as Twilio writes it: {@code ?To=%2B1555&DateSent%3E=2024-06-01}. */
final class QueryStrings {

    private QueryStrings() {
    }

    static String of(FormParameters parameters) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> entry : parameters.entries()) {
            query.append(query.length() == 0 ? '?' : '&')
                    .append(encode(entry.getKey()))
                    .append('=')
                    .append(encode(entry.getValue()));
        }
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
