package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Twilio OpenAPI description into {@link DescribedPath}s: for each path its origin, shape and methods, and for
 * each method what a request carries and what its answer's records hold, {@code $ref}s resolved.
 */
final class DescriptionReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");
    private static final Set<String> PAGING = Set.of("PageSize", "Page", "PageToken");
    private static final int MAX_PAGE_SIZE = 1000;

    private final JsonNode description;

    private DescriptionReader(JsonNode description) {
        this.description = description;
    }

    static List<DescribedPath> read(InputStream in) throws IOException {
        return new DescriptionReader(MAPPER.readTree(in)).paths();
    }

    private List<DescribedPath> paths() {
        String defaultOrigin = description.path("servers").path(0).path("url").asText("");
        List<DescribedPath> paths = new ArrayList<>();
        description.path("paths").fields().forEachRemaining(entry -> {
            JsonNode item = entry.getValue();
            String origin = item.path("servers").path(0).path("url").asText(defaultOrigin);
            List<String> segments = List.of(entry.getKey().substring(1).split("/"));
            Map<String, DescribedOperation> operations = new LinkedHashMap<>();
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            item.fields().forEachRemaining(method -> {
                if (METHODS.contains(method.getKey())) {
                    operations.put(method.getKey().toUpperCase(),
                            operation(method.getValue(), "get".equals(method.getKey()), properties));
                }
            });
            paths.add(new DescribedPath(entry.getKey(), segments, origin,
                    shape(segments, item.path("x-twilio").path("pathType").asText("")), operations, properties));
        });
        return paths;
    }

    private static DescribedPath.Shape shape(List<String> segments, String pathType) {
        if (DescribedPath.isParameter(segments.get(segments.size() - 1))) {
            return DescribedPath.Shape.MEMBER;
        }
        return "instance".equals(pathType) ? DescribedPath.Shape.SINGLETON : DescribedPath.Shape.COLLECTION;
    }

    private DescribedOperation operation(JsonNode operation, boolean get, Map<String, JsonNode> properties) {
        int status = successStatus(operation.path("responses"));
        JsonNode schema = resolve(json(operation.path("responses").path(String.valueOf(status)).path("content"))
                .path("schema"));
        String listKey = null;
        JsonNode records = schema;
        // a list's answer is its page and Twilio's paging meta, in a few descriptions the page alone, in SCIM's its
        // Resources; a record may have a meta of its own (a SCIM user's) or arrays
        JsonNode answer = schema.path("properties");
        boolean paged = resolve(answer.path("meta")).path("properties").has("next_page_url");
        if (get && (paged || answer.size() == 1 || answer.has("Resources"))) {
            Iterator<Map.Entry<String, JsonNode>> fields = answer.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ("array".equals(field.getValue().path("type").asText())) {
                    listKey = field.getKey();
                    records = resolve(field.getValue().path("items"));
                }
            }
        }
        records.path("properties").fields().forEachRemaining(p -> properties.putIfAbsent(p.getKey(), resolve(p.getValue())));

        JsonNode content = operation.path("requestBody").path("content");
        String contentType = content.fieldNames().hasNext() ? content.fieldNames().next() : "";
        JsonNode body = resolve(content.path(contentType).path("schema"));
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        body.path("properties").fields().forEachRemaining(p -> parameters.put(p.getKey(), resolve(p.getValue())));
        List<String> required = new ArrayList<>();
        body.path("required").forEach(name -> required.add(name.asText()));

        int maxPageSize = MAX_PAGE_SIZE;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            if ("PageSize".equals(name)) {
                maxPageSize = parameter.path("schema").path("maximum").asInt(MAX_PAGE_SIZE);
            } else if ("query".equals(parameter.path("in").asText()) && !PAGING.contains(name)) {
                query.add(name);
            }
        }
        return new DescribedOperation(status, contentType.contains("json"), parameters, required, listKey,
                maxPageSize, query);
    }

    /** The JSON media type's entry of a content map: {@code application/json}, or SCIM's {@code application/scim+json}. */
    private static JsonNode json(JsonNode content) {
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            if (type.getKey().contains("json")) {
                return type.getValue();
            }
        }
        return content.path("application/json");
    }

    private static int successStatus(JsonNode responses) {
        List<String> codes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(codes::add);
        return codes.stream().filter(c -> c.startsWith("2")).sorted().findFirst().map(Integer::parseInt).orElse(200);
    }

    /** The schema a {@code $ref} names in the description's components, or the schema itself. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String ref = resolved.get("$ref").asText();
            JsonNode target = description;
            for (String part : Arrays.asList(ref.substring(2).split("/"))) {
                target = target.path(part);
            }
            resolved = target;
        }
        return resolved;
    }
}
