package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every product Twilio describes, served statefully under {@code /<key>} from its descriptions alone: a POST to a
 * collection creates a record, which a GET of its member path reads, a POST or PUT updates, a DELETE removes, and
 * a GET of the collection lists, newest first, with {@code meta} paging. Records hold the properties of the
 * description's answer: the request's parameters under their snake_case names, the parameters' defaults, a SID of
 * the resource's prefix, {@code account_sid}, ISO-8601 {@code date_created} and {@code date_updated}, Twilio's own
 * {@code url} and {@code links}, and {@code null} for the rest. Records are the caller's account's, and those under a
 * parent path (a Workspace's Workers) that parent's: a parent that the API creates must exist.
 *
 * <p>A record the API never creates (a Lookup of a phone number, a service's configuration) is read as the
 * description shapes it, its id and parents filled in, and kept once updated. Hand-written services (Verify) are
 * dispatched before this one and win for their prefix.
 */
final class DescribedCrud {

    private static final Pattern PRODUCT_KEY = Pattern.compile("[a-z][a-z_]*");
    private static final Pattern SID = Pattern.compile("\\^([A-Z]{2})\\[0-9a-fA-F]\\{32}\\$");

    record Answer(int status, Object body) {
    }

    /** Records by id, in creation order, by account, product and concrete collection path. */
    private final Map<String, Map<String, Map<String, Object>>> collections = new HashMap<>();

    /**
     * Whether the path's first segment is a described product's key. The 2010 API's paths ({@code /2010-04-01/...})
     * are told apart by their shape, without reading the descriptions' index.
     */
    static boolean serves(String path) {
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            return false;
        }
        String key = path.substring(1, slash);
        return PRODUCT_KEY.matcher(key).matches() && Descriptions.keys().contains(key);
    }

    synchronized Answer handle(String method, String fullPath, Params query, Params form, String json, String account) {
        int slash = fullPath.indexOf('/', 1);
        DescribedProduct product = Descriptions.product(fullPath.substring(1, slash))
                .orElseThrow(() -> TwilioError.notFound(fullPath));
        List<String> segments = List.of(fullPath.substring(slash + 1).split("/", -1));
        DescribedPath path = product.match(segments).orElseThrow(() -> TwilioError.notFound(fullPath)).path();
        DescribedOperation operation = path.operation(method);
        if (operation == null) {
            throw new TwilioError(405, 20004, "Method not allowed");
        }
        Place place = new Place(product, path, segments, account, fullPath);
        requireParents(place);
        return switch (path.shape()) {
            case COLLECTION -> switch (method) {
                case "GET" -> new Answer(operation.status(), operation.listKey() != null
                        ? list(place, operation, query) : fetch(place, operation, query));
                case "POST" -> new Answer(operation.status(), create(place, operation, body(operation, form, json)));
                case "DELETE" -> {
                    deleteMatching(place, operation, query);
                    yield new Answer(operation.status(), null);
                }
                default -> throw new TwilioError(405, 20004, "Method not allowed");
            };
            case MEMBER, SINGLETON -> switch (method) {
                case "GET" -> new Answer(operation.status(), read(place));
                case "DELETE" -> {
                    delete(place);
                    yield new Answer(operation.status(), null);
                }
                default -> new Answer(operation.status(), update(place, body(operation, form, json)));
            };
        };
    }

    synchronized void clear() {
        collections.clear();
    }

    /** Where a request is: its product, the template it fills, the concrete segments and the caller. */
    private record Place(DescribedProduct product, DescribedPath path, List<String> segments, String account,
                         String fullPath) {

        String concrete() {
            return "/" + String.join("/", segments);
        }

        /** The store's key of the collection at {@code segments}. */
        String collectionKey(List<String> collectionSegments) {
            return account + " " + product.key() + " /" + String.join("/", collectionSegments);
        }

        /** A member's or a singleton's collection key and id: a singleton is the one record of its own path. */
        String ownerKey() {
            return path.shape() == DescribedPath.Shape.SINGLETON
                    ? collectionKey(segments) : collectionKey(segments.subList(0, segments.size() - 1));
        }

        String id() {
            return path.shape() == DescribedPath.Shape.SINGLETON ? "" : segments.get(segments.size() - 1);
        }

        /** Whether the API creates this member's records, so that an unknown id is a 404. */
        boolean creatable() {
            return path.shape() == DescribedPath.Shape.MEMBER && product.collection(path.segments())
                    .map(c -> c.operation("POST") != null).orElse(false);
        }
    }

    /** The request's fields: its JSON object for a JSON-bodied operation, else its form; required ones checked. */
    private static Fields body(DescribedOperation operation, Params form, String json) {
        if (operation.jsonBody()) {
            if (json == null) {
                throw TwilioError.invalidParameter("This operation takes a JSON body (Content-Type: application/json)");
            }
            JsonNode body = DescribedFields.parse(json);
            operation.required().stream().filter(name -> !body.hasNonNull(name)).findFirst().ifPresent(name -> {
                throw missing(name);
            });
            return new Fields(null, body);
        }
        operation.required().stream().filter(name -> !form.hasValue(name)).findFirst().ifPresent(name -> {
            throw missing(name);
        });
        return new Fields(form, null);
    }

    private record Fields(Params form, JsonNode json) {

        Optional<String> value(String parameter) {
            if (json != null) {
                return Optional.ofNullable(json.get(parameter)).filter(v -> !v.isNull()).map(JsonNode::asText);
            }
            return form.hasValue(parameter) ? Optional.of(form.first(parameter)) : Optional.empty();
        }

        void applyTo(Map<String, Object> record, Map<String, JsonNode> properties) {
            if (json != null) {
                DescribedFields.fromJson(json, properties, record);
            } else {
                DescribedFields.fromForm(form, properties, record);
            }
        }
    }

    private static TwilioError missing(String parameter) {
        return TwilioError.invalidParameter("Missing required parameter " + parameter + " in the post body");
    }

    private Map<String, Object> create(Place place, DescribedOperation operation, Fields fields) {
        Optional<DescribedPath> member = place.product().member(place.path());
        Map<String, JsonNode> properties = new LinkedHashMap<>(place.path().properties());
        member.ifPresent(m -> m.properties().forEach(properties::putIfAbsent));
        String idParameter = member.map(DescribedPath::idParameter).orElse("Sid");
        String idProperty = idProperty(idParameter, properties.keySet());
        String id = fields.value(idParameter).orElseGet(() -> sid(properties, idProperty));

        Map<String, Object> record = blank(properties);
        operation.parameters().forEach((name, schema) -> {
            String property = DescribedFields.property(name);
            if (schema.has("default") && properties.containsKey(property)) {
                record.put(property, DescribedFields.typed(List.of(schema.get("default").asText()), properties.get(property)));
            }
        });
        fields.applyTo(record, properties);
        if (idProperty != null) {
            record.put(idProperty, DescribedFields.typed(List.of(id), properties.get(idProperty)));
        }
        List<String> memberSegments = new ArrayList<>(place.segments());
        memberSegments.add(id);
        identify(record, properties, place, member.orElse(place.path()), memberSegments);
        String now = now();
        putIfDescribed(record, "date_created", now);
        putIfDescribed(record, "date_updated", now);
        collections.computeIfAbsent(place.collectionKey(place.segments()), k -> new LinkedHashMap<>()).put(id, record);
        return record;
    }

    private Map<String, Object> read(Place place) {
        return stored(place).orElseGet(() -> {
            if (place.creatable()) {
                throw TwilioError.notFound(place.fullPath());
            }
            Map<String, Object> record = blank(place.path().properties());
            identify(record, place.path().properties(), place, place.path(), place.segments());
            return record;
        });
    }

    private Map<String, Object> update(Place place, Fields fields) {
        Map<String, Object> record = new LinkedHashMap<>(read(place));
        fields.applyTo(record, place.path().properties());
        putIfDescribed(record, "date_updated", now());
        collections.computeIfAbsent(place.ownerKey(), k -> new LinkedHashMap<>()).put(place.id(), record);
        return record;
    }

    private void delete(Place place) {
        Map<String, Map<String, Object>> records = collections.get(place.ownerKey());
        if (records == null || records.remove(place.id()) == null) {
            throw TwilioError.notFound(place.fullPath());
        }
    }

    private Optional<Map<String, Object>> stored(Place place) {
        return Optional.ofNullable(collections.get(place.ownerKey())).map(records -> records.get(place.id()));
    }

    private Map<String, Object> list(Place place, DescribedOperation operation, Params query) {
        Map<String, String> filters = filters(place, operation, query);
        String key = operation.listKey() != null ? operation.listKey()
                : DescribedFields.property(place.segments().get(place.segments().size() - 1));
        return DescribedPage.of(matching(place, filters), key, place.path().origin() + place.concrete(), filters,
                query, operation.maxPageSize());
    }

    /**
     * A GET of a collection whose answer is one record, not a page (a safe-listed number, a room's recording rules):
     * the newest record the query's filters name, or, with none given, the record as the description shapes it.
     */
    private Map<String, Object> fetch(Place place, DescribedOperation operation, Params query) {
        Map<String, String> filters = filters(place, operation, query);
        List<Map<String, Object>> found = matching(place, filters);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (!filters.isEmpty()) {
            throw TwilioError.notFound(place.fullPath());
        }
        Map<String, Object> record = blank(place.path().properties());
        identify(record, place.path().properties(), place, place.path(), place.segments());
        return record;
    }

    /** A DELETE of a collection (a safe-listed number): the records its query's filters name. */
    private void deleteMatching(Place place, DescribedOperation operation, Params query) {
        Map<String, String> filters = filters(place, operation, query);
        Map<String, Map<String, Object>> records = collections.get(place.collectionKey(place.segments()));
        if (filters.isEmpty() || records == null
                || !records.values().removeIf(r -> matches(r, filters))) {
            throw TwilioError.notFound(place.fullPath());
        }
    }

    /** The query's parameters that the operation takes as filters and that name a property of its records. */
    private static Map<String, String> filters(Place place, DescribedOperation operation, Params query) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String parameter : operation.queryParameters()) {
            if (query.hasValue(parameter) && place.path().properties().containsKey(DescribedFields.property(parameter))) {
                filters.put(parameter, query.first(parameter));
            }
        }
        return filters;
    }

    /** The collection's records that match every filter, newest first. */
    private List<Map<String, Object>> matching(Place place, Map<String, String> filters) {
        List<Map<String, Object>> found = new ArrayList<>(collections
                .getOrDefault(place.collectionKey(place.segments()), Map.of()).values().stream()
                .filter(r -> matches(r, filters)).toList());
        Collections.reverse(found);
        return found;
    }

    private static boolean matches(Map<String, Object> record, Map<String, String> filters) {
        return filters.entrySet().stream().allMatch(f ->
                f.getValue().equals(String.valueOf(record.get(DescribedFields.property(f.getKey())))));
    }

    /** A parent the API creates (the Workspace of {@code /v1/Workspaces/WS.../Workers}) must exist. */
    private void requireParents(Place place) {
        List<String> template = place.path().segments();
        int parents = place.path().shape() == DescribedPath.Shape.MEMBER ? template.size() - 1 : template.size();
        for (int i = 0; i < parents; i++) {
            if (!DescribedPath.isParameter(template.get(i))) {
                continue;
            }
            if (place.product().creatableMember(template.subList(0, i + 1)).isPresent()) {
                Map<String, Map<String, Object>> siblings =
                        collections.get(place.collectionKey(place.segments().subList(0, i)));
                if (siblings == null || !siblings.containsKey(place.segments().get(i))) {
                    throw TwilioError.notFound(place.fullPath());
                }
            }
        }
    }

    private static Map<String, Object> blank(Map<String, JsonNode> properties) {
        Map<String, Object> record = new LinkedHashMap<>();
        properties.keySet().forEach(property -> record.put(property, null));
        return record;
    }

    /** The properties that say which record this is and where: its id, parents, account, {@code url} and {@code links}. */
    private static void identify(Map<String, Object> record, Map<String, JsonNode> properties, Place place,
                                 DescribedPath member, List<String> memberSegments) {
        member.parameters(memberSegments).forEach((parameter, value) -> {
            String property = DescribedFields.property(parameter);
            if (properties.containsKey(property)) {
                record.put(property, DescribedFields.typed(List.of(value), properties.get(property)));
            }
        });
        if (record.get("sid") == null && properties.containsKey("sid")) {
            record.put("sid", sid(properties, "sid"));
        }
        putIfDescribed(record, "account_sid", place.account());
        String url = member.origin() + "/" + String.join("/", memberSegments);
        putIfDescribed(record, "url", url);
        if (properties.containsKey("links")) {
            Map<String, String> links = new LinkedHashMap<>();
            place.product().children(member).forEach(child -> links.put(DescribedFields.property(child), url + "/" + child));
            record.put("links", links);
        }
    }

    /**
     * The property that holds a record's id, the value of the parameter {@code idParameter} that ends its member path:
     * that parameter's snake_case name ({@code Sid} {@code sid}, {@code PhoneNumber} {@code phone_number}), else
     * {@code sid}, else SCIM's {@code id}; null when the records hold none.
     */
    static String idProperty(String idParameter, Set<String> properties) {
        for (String property : List.of(DescribedFields.property(idParameter), "sid", "id")) {
            if (properties.contains(property)) {
                return property;
            }
        }
        return null;
    }

    /** A new SID of the prefix the id property's pattern gives ({@code ^WK[0-9a-fA-F]{32}$}), else 32 hex digits. */
    private static String sid(Map<String, JsonNode> properties, String idProperty) {
        JsonNode schema = idProperty == null ? null : properties.get(idProperty);
        Matcher prefix = SID.matcher(schema == null ? "" : schema.path("pattern").asText(""));
        return prefix.matches() ? Ids.sid(prefix.group(1)) : Ids.hex32();
    }

    private static void putIfDescribed(Map<String, Object> record, String property, Object value) {
        if (record.containsKey(property)) {
            record.put(property, value);
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
