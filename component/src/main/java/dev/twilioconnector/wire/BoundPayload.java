package dev.twilioconnector.wire;

import java.util.Map;

/**
 * A payload split into what addresses the request (the id and parent keys, which fill the path)
 * and what is sent as form parameters.
 */
public record BoundPayload(Map<String, String> pathValues, FormParameters form) {

    public BoundPayload {
        pathValues = Map.copyOf(pathValues);
    }
}
