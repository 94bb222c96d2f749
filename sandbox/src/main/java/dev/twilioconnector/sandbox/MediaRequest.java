package dev.twilioconnector.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One request the media host received, headers included, so that a test sees what reached the host Twilio
 * redirects downloads to (no {@code Authorization}, above all).
 *
 * @param method  HTTP method
 * @param path    the request path, e.g. {@code /recordings/0f6c...}
 * @param headers the request headers by name as the JDK server gives them (first letter upper case, the rest lower
 *                case: {@code Authorization}, {@code User-agent}), each with its values in order
 * @param status  the HTTP status answered
 */
public record MediaRequest(String method, String path, Map<String, List<String>> headers, int status) {

    /** The values of header {@code name}, any case, empty when it was not sent. */
    public List<String> header(String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream()).toList();
    }
}
