package dev.twilioconnector.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of {@code resources.json}: everything the generic store and handler need to serve a Twilio resource.
 *
 * @param name          the resource's name, e.g. {@code Messages}
 * @param path          path below {@code /Accounts/{AccountSid}/}; {@code {field}} segments bind a parent key field
 * @param prefix        two-letter SID prefix of generated ids, or {@code null} when ids are not SIDs
 * @param listKey       the JSON key of the record array in a list page
 * @param operations    allowed operations among list, create, get, update, delete
 * @param required      parameters that create (or update) cannot do without, with Twilio's error for each
 * @param filters       the query parameters Twilio filters a list on
 * @param subresources  {@code subresource_uris} keys and the path segment each points to
 * @param sample        field values that {@code seed} gives generated records
 * @param defaults      every wire field with its default; also the set of fields a form parameter may set
 * @param collection    the store collection holding the records; resources sharing one see the same records
 * @param id            the field that identifies a record in its collection
 * @param order         the sort field of a list, ascending, or descending with a leading {@code -}
 * @param singleton     true for a resource addressed without an id of its own (a call's Feedback)
 * @param params        form parameters whose field is not their snake_case form
 * @param lifecycle     the statuses a created record moves through by itself when the {@link StatusProgression}
 *                      is on, the first being the one a create gives it; empty for a record that stays as made
 */
record ResourceType(String name, String path, String prefix, String listKey, Set<String> operations,
                    List<Requirement> required, List<FilterSpec> filters, Map<String, String> subresources,
                    Map<String, Object> sample, Map<String, Object> defaults, String collection, String id,
                    String order, boolean singleton, Map<String, String> params,
                    List<String> lifecycle) {

    /** Some of {@code params} must be given with a non-empty value, else Twilio answers 400 with {@code code}. */
    record Requirement(List<String> params, int code, String message, String on) {
        Requirement {
            on = on == null ? "create" : on;
        }
    }

    /**
     * A query parameter Twilio filters on. {@code match} is absent for equality, {@code range} for the
     * {@code X}, {@code X<}, {@code X>} triple, {@code >=} / {@code <=} for a single inclusive bound, and
     * {@code include} for a flag that, when false, leaves out records whose field is true.
     */
    record FilterSpec(String param, String field, String match) {
    }

    ResourceType {
        required = required == null ? List.of() : required;
        filters = filters == null ? List.of() : filters;
        subresources = subresources == null ? Map.of() : subresources;
        sample = sample == null ? Map.of() : sample;
        params = params == null ? Map.of() : params;
        lifecycle = lifecycle == null ? List.of() : List.copyOf(lifecycle);
        collection = collection == null ? name : collection;
        id = id == null ? "sid" : id;
        order = order == null ? "-date_created" : order;
    }

    /** Accounts live above every account rather than inside one. */
    boolean isAccounts() {
        return "Accounts".equals(name);
    }

    boolean allows(String operation) {
        return operations.contains(operation);
    }

    List<String> segments() {
        return Arrays.asList(path.split("/"));
    }

    /** The wire field a form parameter sets, or {@code null} when the resource has no such field. */
    String fieldFor(String param) {
        String field = params.getOrDefault(param, snakeCase(param));
        return defaults.containsKey(field) ? field : null;
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
