package dev.twilioconnector.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A payload split into where each field goes in the request: the id and parent keys fill the path, the rest is sent
 * as form parameters or, for an operation whose body is JSON, as that JSON object, and the few fields Twilio takes in
 * the query of an operation other than List or as a header go there.
 *
 * @param json    the JSON body of an operation that sends one, else null (and the form is the body)
 * @param query   the query parameters of the request
 * @param headers the request headers, by Twilio's name ({@code If-Match})
 */
public record BoundPayload(Map<String, String> pathValues, FormParameters form, ObjectNode json, FormParameters query,
                           Map<String, String> headers) {

    public BoundPayload {
        pathValues = Map.copyOf(pathValues);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** What addresses a request that sends no body, nor any query parameter or header. */
    public static BoundPayload addressOnly(Map<String, String> pathValues) {
        return new BoundPayload(pathValues, new FormParameters(), null, new FormParameters(), Map.of());
    }
}
