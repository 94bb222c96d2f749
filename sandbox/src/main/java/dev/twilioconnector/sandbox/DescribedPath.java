package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One path of a Twilio description: its template's segments ({@code v1}, {@code Workspaces}, {@code {WorkspaceSid}},
 * ...), the origin Twilio serves it on, its methods, and the properties of the records its answers carry.
 *
 * @param properties the records' properties by name, each with its schema, over every method of the path
 */
record DescribedPath(String template, List<String> segments, String origin, Shape shape,
                     Map<String, DescribedOperation> operations, Map<String, JsonNode> properties) {

    /** What a path addresses, read from its last segment and the description's {@code x-twilio.pathType}. */
    enum Shape {
        /** A list of records: GET lists, POST creates. */
        COLLECTION,
        /** One record of a collection, by the path parameter that ends the path. */
        MEMBER,
        /** The one record at a fixed path (a service's configuration), which is read and updated, never created. */
        SINGLETON
    }

    static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** The name of the path parameter that ends a member's path: {@code Sid}, {@code PhoneNumber}. */
    String idParameter() {
        String last = segments.get(segments.size() - 1);
        return shape == Shape.MEMBER ? last.substring(1, last.length() - 1) : null;
    }

    DescribedOperation operation(String method) {
        return operations.get(method);
    }

    /** The parameters of the path's template, by name, taken from a concrete path of the same length. */
    Map<String, String> parameters(List<String> concrete) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            if (isParameter(segments.get(i))) {
                String segment = segments.get(i);
                values.put(segment.substring(1, segment.length() - 1), concrete.get(i));
            }
        }
        return values;
    }
}
