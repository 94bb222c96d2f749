package dev.twilioconnector.catalog.products;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes one catalog file per product (all its versions) from Twilio's descriptions, in the entity shape of the 2010
 * catalog, and the index that lists them. The names follow {@link ResourceNames}; where a product has several
 * versions, the newest version that describes a resource takes the plain name ({@code Studio.Flows} is v2) and older
 * versions that describe it too add theirs ({@code StudioV1.Flows}): so {@code Verify.Services} is v2's, as v3
 * describes no operation, and {@code Messaging.Services} v1's, as v2 describes only channel senders.
 */
final class ProductCatalogGenerator {

    static final String INDEX = "index.json";

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");
    private static final Map<String, String> LABELS = Map.of(
            "List", "List", "Fetch", "Get", "Create", "Create", "Update", "Update", "Delete", "Delete");
    private static final List<String> LABEL_ORDER = List.of("List", "Get", "Create", "Update", "Delete");
    private static final Set<String> PAGING = Set.of("PageSize", "Page", "PageToken");
    /**
     * The header some Flex Insights operations define for a token of their own: the connection's credentials fill it
     * on every request, and a payload never overrides them.
     */
    static final String CREDENTIALS_HEADER = "Authorization";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern TRAILING_PLACEHOLDER = Pattern.compile(".*/\\{(\\w+)}");
    private static final Pattern NAMED_BOUND = Pattern.compile("([A-Z]\\w*?)(?:After|Before)");
    /** A range parameter's name: {@code DateCreatedFrom}, {@code CreatedAfter}, {@code AfterDateCreated}, {@code StartTime}. */
    private static final Pattern RANGE = Pattern.compile("([A-Z]\\w*?)(?:From|To|After|Before)|(?:After|Before)([A-Z]\\w*)"
            + "|(?:Start|End)([A-Z]\\w*)");
    /** The fields that hold when a record was created, in the names the products give it. */
    private static final List<String> CREATION_TIMES = List.of("DateCreated", "CreateTime", "CreatedAt");
    private static final Set<String> TIMES = Set.of("DATETIME", "DATE");

    /** Columns the connector names differently from Twilio, as in the 2010 catalog. */
    private static final Map<String, String> RENAMED = Map.of("From", "Sender", "FriendlyName", "Name");

    /**
     * The id of a resource whose path parameter carries no pattern in the description (a SID that may also be a
     * unique name, a phone number, an identity): one path segment of characters that need no escaping in a URI, so
     * that no value can change which resource a request addresses.
     */
    static final String ID_WITHOUT_PATTERN = "^[A-Za-z0-9+][A-Za-z0-9_.:@+-]{0,255}$";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductCatalogGenerator() {
    }

    /** The catalog files by name: one per product, and the index. */
    static Map<String, String> generate(List<ProductDescription> descriptions) {
        Map<String, List<ProductDescription>> byProduct = new TreeMap<>();
        for (ProductDescription description : descriptions) {
            byProduct.computeIfAbsent(description.key(), key -> new ArrayList<>()).add(description);
        }
        Map<String, String> files = new TreeMap<>();
        List<String> names = new ArrayList<>();
        byProduct.forEach((key, versions) -> {
            List<Map<String, Object>> entities = entities(versions);
            if (!entities.isEmpty()) {
                files.put(key + ".json", productFile(key, host(versions), entities));
                names.add(key + ".json");
            }
        });
        files.put(INDEX, write(Map.of("files", names)).replace("\",\"", "\",\n  \"").replace("[\"", "[\n  \"")
                .replace("\"]", "\"\n]") + "\n");
        return files;
    }

    private static String host(List<ProductDescription> versions) {
        Set<String> hosts = new LinkedHashSet<>();
        versions.forEach(version -> hosts.add(version.host()));
        if (hosts.size() != 1) {
            throw new IllegalStateException("The versions of " + versions.get(0).key() + " name several hosts: " + hosts);
        }
        return hosts.iterator().next();
    }

    /** The entities of every version, newest first, each resource under the name its version gives it. */
    private static List<Map<String, Object>> entities(List<ProductDescription> newestFirst) {
        Set<String> named = new LinkedHashSet<>();
        List<Map<String, Object>> entities = new ArrayList<>();
        for (ProductDescription description : newestFirst) {
            Map<String, Map<String, Op>> resources = resources(description);
            resources.forEach((resource, operations) -> {
                String product = named.contains(resource) ? description.product() + "V" + description.version()
                        : description.product();
                entities.add(new EntityBuilder(description, product + '.' + resource, operations).build());
            });
            named.addAll(resources.keySet());
        }
        entities.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
        return entities;
    }

    /** One operation of a description: its label in the catalog, its method and path, and its definition. */
    private record Op(String label, String method, String path, JsonNode operation, JsonNode pathItem) {

        String binding() {
            return method.toUpperCase(Locale.ROOT) + ' ' + path;
        }
    }

    private static Map<String, Map<String, Op>> resources(ProductDescription description) {
        Map<String, Map<String, Op>> resources = new TreeMap<>();
        description.document().path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String operationId = operation.path("operationId").asText();
                String resource = ResourceNames.resource(description.file(), operationId);
                String label = LABELS.get(ResourceNames.verb(operationId).orElseThrow());
                Op op = new Op(label, method, path.getKey(), operation, path.getValue());
                Op before = resources.computeIfAbsent(resource, name -> new LinkedHashMap<>()).putIfAbsent(label, op);
                if (before != null) {
                    throw twoResources(description, resource, before, op);
                }
            }
        });
        resources.forEach((resource, operations) -> {
            Set<String> roots = new LinkedHashSet<>();
            operations.values().forEach(op -> roots.add(op.path().replaceAll("/\\{\\w+}$", "")));
            if (roots.size() > 1 && !ResourceNames.knownAsOneResource(description.file(), resource)) {
                Iterator<Op> ops = operations.values().iterator();
                Op first = ops.next();
                Op other = first;
                while (ops.hasNext() && other.path().replaceAll("/\\{\\w+}$", "").equals(
                        first.path().replaceAll("/\\{\\w+}$", ""))) {
                    other = ops.next();
                }
                throw twoResources(description, resource, first, other);
            }
        });
        return resources;
    }

    private static IllegalStateException twoResources(ProductDescription description, String resource, Op one, Op other) {
        return new IllegalStateException(description.file() + ": the naming rule gives two resources the name "
                + resource + ": " + one.operation().path("operationId").asText() + " (" + one.binding() + ") and "
                + other.operation().path("operationId").asText() + " (" + other.binding()
                + "); settle it in ResourceNames");
    }

    /** Builds one entity from the operations of one resource. */
    private static final class EntityBuilder {

        private final ProductDescription description;
        private final String name;
        private final Map<String, Op> operations;
        private final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        private final Set<String> described = new LinkedHashSet<>();
        /** Fields whose answer property the description gives no type: any JSON, an object as often as not. */
        private final Set<String> untypedAnswers = new LinkedHashSet<>();

        EntityBuilder(ProductDescription description, String name, Map<String, Op> operations) {
            this.description = description;
            this.name = name;
            this.operations = operations;
        }

        Map<String, Object> build() {
            String listKey = null;
            List<JsonNode> itemSchemas = new ArrayList<>();
            for (Op op : operations.values()) {
                JsonNode schema = resolve(responseSchema(op.operation()));
                String arrayKey = arrayKey(schema);
                if (op.label().equals("List")) {
                    if (arrayKey == null) {
                        throw new IllegalStateException(description.file() + " " + op.binding()
                                + ": a list whose answer holds no array");
                    }
                    listKey = arrayKey;
                    itemSchemas.add(resolve(schema.path("properties").path(arrayKey).path("items")));
                } else {
                    itemSchemas.add(schema);
                }
            }
            String idField = idField();
            String idPattern = idField == null ? null : idPattern(idField);
            List<String> parentKeys = parentKeys(idField);

            for (JsonNode schema : itemSchemas) {
                schema.path("properties").fieldNames().forEachRemaining(wire -> described.add(pascal(wire)));
            }
            operations.values().forEach(op -> {
                bodyProperties(op).fieldNames().forEachRemaining(param -> described.add(pascal(param)));
                parameters(op, "query").forEach(param -> described.add(pascal(base(param.path("name").asText()))));
            });

            for (JsonNode schema : itemSchemas) {
                schema.path("properties").fields().forEachRemaining(property -> {
                    JsonNode resolved = resolve(property.getValue());
                    Map<String, Object> field = field(column(pascal(property.getKey())));
                    Object wire = field.get("wire");
                    if (wire != null && !wire.equals(property.getKey())) {
                        throw new IllegalStateException(name + ": field " + field.get("name") + " is both " + wire
                                + " and " + property.getKey());
                    }
                    field.putIfAbsent("wire", property.getKey());
                    if (field.putIfAbsent("type", type(resolved)) == null && !resolved.has("type")) {
                        untypedAnswers.add((String) field.get("name"));
                    }
                    putDescription(field, property.getValue(), resolved);
                });
            }
            List<String> jsonOperations = new ArrayList<>();
            for (String label : List.of("Create", "Update")) {
                Op op = operations.get(label);
                if (op == null) {
                    continue;
                }
                if (!op.operation().path("requestBody").path("content").path("application/x-www-form-urlencoded")
                        .isMissingNode() || op.operation().path("requestBody").isMissingNode()) {
                    body(op, label, "application/x-www-form-urlencoded");
                } else {
                    jsonOperations.add(label);
                    body(op, label, jsonContentType(op));
                }
            }
            for (Op op : operations.values()) {
                if (!op.label().equals("List")) {
                    parameters(op, "query").forEach(parameter -> requestParameter(op, parameter, "query"));
                }
                parameters(op, "header").stream()
                        .filter(parameter -> !parameter.path("name").asText().equals(CREDENTIALS_HEADER))
                        .forEach(parameter -> requestParameter(op, parameter, "headers"));
            }
            Op list = operations.get("List");
            Integer maxPageSize = null;
            if (list != null) {
                for (JsonNode parameter : parameters(list, "query")) {
                    String raw = parameter.path("name").asText();
                    if (raw.equals("PageSize")) {
                        JsonNode maximum = resolve(parameter.path("schema")).path("maximum");
                        maxPageSize = maximum.isMissingNode() ? null : maximum.asInt();
                    }
                    if (PAGING.contains(raw)) {
                        continue;
                    }
                    String text = parameter.path("description").asText("");
                    Optional<Map<String, Object>> bounded = boundedField(raw);
                    if (bounded.isPresent()) {
                        filters(bounded.get()).put(namedBound(raw, text), raw);
                        continue;
                    }
                    Optional<Map<String, Object>> ranged = rangedField(raw, text);
                    if (ranged.isPresent()) {
                        rangeBounds(raw, text).forEach(bound -> filters(ranged.get()).putIfAbsent(bound, raw));
                        continue;
                    }
                    String bound = raw.endsWith(">") ? ">=" : raw.endsWith("<") ? "<=" : "=";
                    Map<String, Object> field = field(column(pascal(base(raw))));
                    field.putIfAbsent("type", paramType(resolve(parameter.path("schema"))));
                    putDescription(field, parameter, parameter);
                    filters(field).put(bound, raw);
                }
            }
            if (idField != null) {
                Map<String, Object> field = field(idField);
                field.putIfAbsent("type", "STRING");
                field.putIfAbsent("description", "The record's id; it addresses the request.");
            }
            for (String key : parentKeys) {
                Map<String, Object> field = field(key);
                field.putIfAbsent("type", "STRING");
                field.putIfAbsent("description", "The key of the parent record; it addresses the request.");
            }

            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("name", name);
            entity.put("description", firstSentence(pathDescription()));
            Map<String, String> bindings = new LinkedHashMap<>();
            LABEL_ORDER.stream().filter(operations::containsKey).forEach(label -> bindings.put(label,
                    operations.get(label).binding()));
            entity.put("operations", bindings);
            entity.put("listKey", listKey);
            entity.put("idField", idField);
            entity.put("idPattern", idPattern);
            entity.put("parentKeys", parentKeys);
            Map<String, String> parentPatterns = new LinkedHashMap<>();
            parentKeys.forEach(key -> parentPatterns.put(key, idPattern(key)));
            if (!parentPatterns.isEmpty()) {
                entity.put("parentPatterns", parentPatterns);
            }
            entity.put("timeField", timeField());
            entity.put("legacy", false);
            if (maxPageSize != null) {
                entity.put("maxPageSize", maxPageSize);
            }
            if (!jsonOperations.isEmpty()) {
                entity.put("jsonOperations", jsonOperations);
            }
            entity.put("fields", fields.values().stream().map(EntityBuilder::ordered).toList());
            return entity;
        }

        /**
         * The field records carry that a search parameter named {@code <Field>After} or {@code <Field>Before} bounds
         * ({@code DateCreatedAfter}), or empty when the name is not such a bound or records carry no such field.
         */
        private Optional<Map<String, Object>> boundedField(String raw) {
            Matcher matcher = NAMED_BOUND.matcher(raw);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, Object> field = fields.get(column(matcher.group(1)).toLowerCase(Locale.ROOT));
            return field == null || field.get("wire") == null ? Optional.empty() : Optional.of(field);
        }

        /**
         * The field records carry that a range parameter named otherwise than {@code <Field>After}/{@code Before}
         * bounds, or empty: the field its name gives without the range's word ({@code DateCreatedFrom},
         * {@code AfterDateCreated}); else the record's creation time where the name or text says created
         * (Conversations' {@code StartDate}, Insights' {@code CreatedAfter}); else {@code Start<X>} for a
         * {@code Start<X>}/{@code End<X>} window (Insights' {@code StartTime} and {@code EndTime} bound a call's start).
         */
        private Optional<Map<String, Object>> rangedField(String raw, String text) {
            Matcher matcher = RANGE.matcher(raw);
            if (!matcher.matches() || rangeBounds(raw, text).isEmpty()) {
                return Optional.empty();
            }
            String stem = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2)
                    : matcher.group(3);
            List<String> candidates = new ArrayList<>();
            candidates.add(stem);
            if (stem.equals("Created") || text.toLowerCase(Locale.ROOT).contains("creat")) {
                candidates.addAll(CREATION_TIMES);
            }
            if (raw.startsWith("Start") || raw.startsWith("End")) {
                candidates.add("Start" + matcher.group(3));
            }
            for (String candidate : candidates) {
                Map<String, Object> field = fields.get(candidate.toLowerCase(Locale.ROOT));
                if (field != null && field.get("wire") != null && TIMES.contains(field.get("type"))) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }

        /** The placeholder that ends the path of Get, Update or Delete: the record's id. */
        private String idField() {
            for (String label : List.of("Get", "Update", "Delete")) {
                Op op = operations.get(label);
                Matcher matcher = op == null ? null : TRAILING_PLACEHOLDER.matcher(op.path());
                if (matcher != null && matcher.matches()) {
                    return matcher.group(1);
                }
            }
            return null;
        }

        /** The pattern of a path parameter in the description, or else one path segment that needs no escaping. */
        private String idPattern(String idField) {
            for (Op op : operations.values()) {
                for (JsonNode parameter : op.operation().path("parameters")) {
                    JsonNode resolved = resolve(parameter);
                    if (resolved.path("in").asText().equals("path") && resolved.path("name").asText().equals(idField)) {
                        JsonNode pattern = resolve(resolved.path("schema")).path("pattern");
                        if (pattern.isTextual()) {
                            return pattern.asText();
                        }
                    }
                }
            }
            return ID_WITHOUT_PATTERN;
        }

        private List<String> parentKeys(String idField) {
            Set<String> keys = new LinkedHashSet<>();
            operations.values().stream().map(Op::path).sorted((a, b) -> Integer.compare(b.length(), a.length()))
                    .forEach(path -> {
                        Matcher matcher = PLACEHOLDER.matcher(path);
                        while (matcher.find()) {
                            if (!matcher.group(1).equals(idField) && !matcher.group(1).equals("AccountSid")) {
                                keys.add(matcher.group(1));
                            }
                        }
                    });
            return List.copyOf(keys);
        }

        private String timeField() {
            for (String candidate : List.of("DateCreated", "DateUpdated")) {
                Map<String, Object> field = fields.get(candidate.toLowerCase(Locale.ROOT));
                if (field != null && field.get("wire") != null) {
                    return candidate;
                }
            }
            return null;
        }

        private void body(Op op, String label, String contentType) {
            JsonNode schema = resolve(op.operation().path("requestBody").path("content").path(contentType).path("schema"));
            Set<String> required = new LinkedHashSet<>();
            schema.path("required").forEach(node -> required.add(node.asText()));
            schema.path("properties").fields().forEachRemaining(property -> {
                JsonNode resolved = resolve(property.getValue());
                Map<String, Object> field = field(column(pascal(property.getKey())));
                // a form carries an object as JSON text, a JSON body as the object itself
                String requestType = contentType.contains("json") ? type(resolved) : formType(resolved);
                Object answerType = field.putIfAbsent("type", requestType);
                if (requestType.equals("OBJECT") && untypedAnswers.contains(field.get("name"))) {
                    // Twilio answers with the object a form takes as JSON text (a Studio flow's Definition)
                    field.put("type", "OBJECT");
                } else if ("LIST".equals(answerType) && requestType.equals("STRING") && property.getValue()
                        .path("description").asText("").toLowerCase(Locale.ROOT).contains("comma")) {
                    // "Use comma separated values" (QualityIssues of an Insights annotation)
                    field.put("commaJoined", true);
                }
                Object param = field.putIfAbsent("param", property.getKey());
                if (param != null && !param.equals(property.getKey())) {
                    throw new IllegalStateException(name + ": field " + field.get("name") + " is sent both as " + param
                            + " and as " + property.getKey());
                }
                putDescription(field, property.getValue(), resolved);
                list(field, "input").add(label);
                if (required.contains(property.getKey())) {
                    list(field, "required").add(label);
                }
            });
        }

        /** A query parameter of an operation other than List, or a header: a field the operation sends there. */
        private void requestParameter(Op op, JsonNode parameter, String where) {
            String raw = parameter.path("name").asText();
            Map<String, Object> field = field(column(pascal(raw)));
            field.putIfAbsent("type", paramType(resolve(parameter.path("schema"))));
            Object param = field.putIfAbsent("param", raw);
            if (param != null && !param.equals(raw)) {
                throw new IllegalStateException(name + ": field " + field.get("name") + " is sent both as " + param
                        + " and as " + raw);
            }
            putDescription(field, parameter, parameter);
            list(field, where).add(op.label());
            if (parameter.path("required").asBoolean(false)) {
                list(field, "required").add(op.label());
            }
        }

        private JsonNode bodyProperties(Op op) {
            JsonNode content = op.operation().path("requestBody").path("content");
            JsonNode form = content.path("application/x-www-form-urlencoded");
            JsonNode schema = form.isMissingNode() ? content.path(jsonContentType(op)).path("schema") : form.path("schema");
            return resolve(schema).path("properties");
        }

        private String jsonContentType(Op op) {
            Iterator<String> types = op.operation().path("requestBody").path("content").fieldNames();
            return types.hasNext() ? types.next() : "application/json";
        }

        /** The operation's parameters in the query or the headers ({@code in}), resolved. */
        private List<JsonNode> parameters(Op op, String in) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode parameter : op.operation().path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asText().equals(in)) {
                    found.add(resolved);
                }
            }
            return found;
        }

        /** The description of the resource's path, or else of its first operation that has one. */
        private String pathDescription() {
            for (String key : List.of("pathItem", "operation")) {
                for (String label : LABEL_ORDER) {
                    Op op = operations.get(label);
                    String text = op == null ? "" : (key.equals("pathItem") ? op.pathItem() : op.operation())
                            .path("description").asText("");
                    if (!text.isBlank()) {
                        return text;
                    }
                }
            }
            return null;
        }

        private Map<String, Object> field(String fieldName) {
            return fields.computeIfAbsent(fieldName.toLowerCase(Locale.ROOT), key -> {
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("name", fieldName);
                return field;
            });
        }

        /** Twilio's {@code From} is the connector's {@code Sender}, unless the resource has a field of that name. */
        private String column(String pascalName) {
            String renamed = RENAMED.get(pascalName);
            return renamed == null || described.contains(renamed) ? pascalName : renamed;
        }

        private JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            while (current.has("$ref")) {
                String[] parts = current.path("$ref").asText().split("/");
                current = description.document().path("components").path(parts[2]).path(parts[3]);
            }
            return current;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, String> filters(Map<String, Object> field) {
            return (Map<String, String>) field.computeIfAbsent("filters", key -> new LinkedHashMap<String, String>());
        }

        @SuppressWarnings("unchecked")
        private static List<String> list(Map<String, Object> field, String key) {
            return (List<String>) field.computeIfAbsent(key, k -> new ArrayList<String>());
        }

        private static void putDescription(Map<String, Object> field, JsonNode node, JsonNode resolved) {
            String text = node.path("description").asText(resolved.path("description").asText(null));
            String sentence = firstSentence(text);
            if (sentence != null) {
                field.putIfAbsent("description", sentence);
            }
        }

        private static final List<String> FIELD_ORDER = List.of("name", "wire", "type", "param", "input", "query",
                "headers", "required", "filters", "description", "commaJoined");

        private static Map<String, Object> ordered(Map<String, Object> field) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            FIELD_ORDER.stream().filter(field::containsKey).forEach(key -> ordered.put(key, field.get(key)));
            return ordered;
        }
    }

    private static JsonNode responseSchema(JsonNode operation) {
        for (String code : List.of("200", "201", "202")) {
            Iterator<JsonNode> contents = operation.path("responses").path(code).path("content").elements();
            if (contents.hasNext()) {
                return contents.next().path("schema");
            }
        }
        return JSON.missingNode();
    }

    private static String arrayKey(JsonNode schema) {
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (!property.getKey().equals("meta") && property.getValue().path("type").asText().equals("array")) {
                return property.getKey();
            }
        }
        return null;
    }

    /**
     * The bound a {@code ...After} or {@code ...Before} parameter is, as its description says: inclusive where it
     * reads "on or after" or {@code >=} (Content's "Filter by >=[date-time]"), strict where it says only "after",
     * as Verify's attempts "created after this datetime" do, and as is safe where a text says neither: a strict bound
     * sent for a {@code >} keeps a superset even if Twilio reads it inclusively.
     */
    static String namedBound(String name, String description) {
        String text = description.toLowerCase(Locale.ROOT);
        if (name.endsWith("After")) {
            return text.contains("on or after") || text.contains(">=") ? ">=" : ">";
        }
        return text.contains("on or before") || text.contains("<=") ? "<=" : "<";
    }

    /**
     * The bounds a range parameter named otherwise than {@code ...After}/{@code ...Before} is, as its text says: a
     * lower bound where it says after or later ({@code >=} where "on or after", "at or after", "and later", else
     * {@code >}), an upper one where it says before or earlier ({@code <=} where "on or before", "and earlier",
     * else {@code <}); where the text says neither or both (Insights' "A Start time of the calls"), the name says which end
     * ({@code Start}, {@code From}, {@code After} or {@code End}, {@code To}, {@code Before}) and the bound is taken
     * as both inclusive and strict, so that a {@code >=} is sent too: Twilio reads such a list over a default window
     * (Insights' last four hours) when the bound is not sent. Empty when it is no bound.
     */
    static List<String> rangeBounds(String name, String description) {
        String text = description.toLowerCase(Locale.ROOT);
        boolean lower = text.matches("(?s).*\\b(after|later)\\b.*") || text.contains(">=");
        boolean upper = text.matches("(?s).*\\b(before|earlier)\\b.*") || text.contains("<=");
        if (lower && !upper) {
            return List.of(text.matches("(?s).*\\b(on or after|at or after|and later)\\b.*") || text.contains(">=")
                    ? ">=" : ">");
        }
        if (upper && !lower) {
            return List.of(text.matches("(?s).*\\b(on or before|and earlier)\\b.*") || text.contains("<=")
                    ? "<=" : "<");
        }
        if (!RANGE.matcher(name).matches()) {
            return List.of();
        }
        boolean start = name.startsWith("Start") || name.startsWith("After") || name.endsWith("From")
                || name.endsWith("After");
        return start ? List.of(">=", ">") : List.of("<=", "<");
    }

    private static String base(String queryName) {
        return queryName.endsWith(">") || queryName.endsWith("<") ? queryName.substring(0, queryName.length() - 1)
                : queryName;
    }

    /** {@code date_created} becomes {@code DateCreated}, {@code Push.IncludeDate} {@code PushIncludeDate}. */
    static String pascal(String wire) {
        StringBuilder name = new StringBuilder();
        for (String part : wire.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static String type(JsonNode property) {
        String format = property.path("format").asText();
        if (format.startsWith("date-time")) {
            return "DATETIME";
        }
        if (format.equals("date")) {
            return "DATE";
        }
        return switch (property.path("type").asText()) {
            case "integer" -> "INTEGER";
            case "number" -> "NUMBER";
            case "boolean" -> "BOOLEAN";
            case "object" -> "OBJECT";
            case "array" -> "LIST";
            default -> "STRING";
        };
    }

    /**
     * The type of a form's property: an untyped or object-typed one takes an object, sent as its JSON text, or the
     * JSON text itself ({@code Parameters} of a Studio execution).
     */
    private static String formType(JsonNode property) {
        return !property.has("type") || property.path("type").asText().equals("object") ? "OBJECT" : type(property);
    }

    private static String paramType(JsonNode property) {
        String type = type(property);
        return type.equals("OBJECT") ? "STRING" : type;
    }

    static String firstSentence(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.replaceAll("\\[([^\\]]+)\\]\\([^)]+\\)", "$1").replace("`", "").strip();
        Matcher matcher = Pattern.compile("(.+?[.!?])(\\s|$)", Pattern.DOTALL).matcher(plain);
        String sentence = (matcher.lookingAt() ? matcher.group(1) : plain).replace("\n", " ");
        return sentence.length() > 200 ? sentence.substring(0, 200) : sentence;
    }

    private static String productFile(String key, String host, List<Map<String, Object>> entities) {
        StringBuilder out = new StringBuilder();
        out.append("{\"product\": ").append(write(key)).append(", \"host\": ").append(write(host))
                .append(", \"entities\": [\n");
        for (int i = 0; i < entities.size(); i++) {
            Map<String, Object> head = new LinkedHashMap<>(entities.get(i));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entityFields = (List<Map<String, Object>>) head.remove("fields");
            String headJson = write(head);
            out.append("  {").append(headJson, 1, headJson.length() - 1).append(", \"fields\": [\n");
            for (int j = 0; j < entityFields.size(); j++) {
                out.append("    ").append(write(entityFields.get(j))).append(j < entityFields.size() - 1 ? ",\n" : "\n");
            }
            out.append("  ]}").append(i < entities.size() - 1 ? ",\n" : "\n");
        }
        return out.append("]}\n").toString();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
