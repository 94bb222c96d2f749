package dev.twilioconnector.sandbox;

import dev.twilioconnector.sandbox.ResourceType.Requirement;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The operations on records, generic over the resource table: list, find, create, insert (seed), update and
 * delete, with defaults, generated ids, parent keys bound from the path, {@code uri} and {@code subresource_uris}.
 */
final class Records {

    private static final String NOW = "$now";

    private final ResourceTable resources;
    private final Store store;
    private final Behaviours behaviours;
    private final StatusAdvancer advancer;

    Records(ResourceTable resources, Store store, Behaviours behaviours, StatusAdvancer advancer) {
        this.resources = resources;
        this.store = store;
        this.behaviours = behaviours;
        this.advancer = advancer;
    }

    /** The records a path's list holds, in list order. */
    List<Map<String, Object>> list(ResolvedPath resolved, String account) {
        return store.read(scope(resolved, account), resolved.type().collection(), Ordering.index(resolved.type()),
                sorted -> sorted.stream().filter(r -> bound(resolved, r)).map(Collections::unmodifiableMap).toList());
    }

    /** Builds the sorted index of a path's list now, if no list has built it yet. */
    void index(ResolvedPath resolved, String account) {
        store.read(scope(resolved, account), resolved.type().collection(), Ordering.index(resolved.type()), sorted -> null);
    }

    /** One page of a path's list, of the records that also pass {@code matches}, in Twilio's list envelope. */
    Map<String, Object> page(ResolvedPath resolved, String account, Predicate<Map<String, Object>> matches, Params query) {
        Predicate<Map<String, Object>> listed = matches.and(r -> bound(resolved, r));
        return store.read(scope(resolved, account), resolved.type().collection(), Ordering.index(resolved.type()),
                sorted -> Paging.page(resolved, account, sorted, listed, query));
    }

    Optional<Map<String, Object>> find(ResolvedPath resolved, String account) {
        return store.get(scope(resolved, account), resolved.type().collection(), resolved.id()).filter(r -> bound(resolved, r));
    }

    /** Whether the record a nested path hangs below exists, e.g. the message of a Media list. */
    boolean parentExists(ResolvedPath resolved, String account) {
        return resources.parentOf(resolved.type())
                .map(parent -> store.get(account, parent.collection(), ResourceTable.parentId(resolved)).isPresent())
                .orElse(true);
    }

    /** Creates a record from a POST's form parameters, as Twilio does: defaults for everything not given. */
    Map<String, Object> create(ResolvedPath resolved, String account, Params form) {
        ResourceType type = resolved.type();
        check(type, "create", form);
        String id = type.singleton() ? resolved.id() : newId(type, null);
        Map<String, Object> record = newRecord(resolved, account, id);
        applyForm(type, record, form);
        behaviours.onCreate(type, account, record, form);
        behaviours.onInsert(type, account, record);
        store.save(scope(resolved, account), type.collection(), id, record);
        advancer.created(type, scope(resolved, account), record);
        return behaviours.createResponse(type, record);
    }

    /** Stores a record given in wire form (the Java API's seeding): defaults for everything not given. */
    Map<String, Object> insert(ResolvedPath resolved, String account, Map<String, ?> fields) {
        ResourceType type = resolved.type();
        String id = type.singleton() ? resolved.id() : newId(type, fields.get(type.id()));
        Map<String, Object> record = newRecord(resolved, account, id);
        fields.forEach((field, value) -> record.put(field,
                resources.dateFields().contains(field) && value instanceof String text
                        ? WireFormat.parseInstant(text) : value));
        behaviours.onInsert(type, account, record);
        store.save(scope(resolved, account), type.collection(), id, record);
        return record;
    }

    /** Merges a POST's form parameters into the record; empty when there is no such record. */
    Optional<Map<String, Object>> update(ResolvedPath resolved, String account, Params form) {
        ResourceType type = resolved.type();
        check(type, "update", form);
        return find(resolved, account).flatMap(found -> store.update(scope(resolved, account), type.collection(),
                resolved.id(), record -> {
                    applyForm(type, record, form);
                    if (record.containsKey("date_updated")) {
                        record.put("date_updated", Instant.now());
                    }
                    return record;
                }));
    }

    boolean delete(ResolvedPath resolved, String account) {
        return find(resolved, account).isPresent()
                && store.remove(scope(resolved, account), resolved.type().collection(), resolved.id());
    }

    private String scope(ResolvedPath resolved, String account) {
        return resolved.type().isAccounts() ? Store.GLOBAL : account;
    }

    private static boolean bound(ResolvedPath resolved, Map<String, Object> record) {
        // a plain loop: this runs for every record of every list page, a million times for a million records
        for (Map.Entry<String, String> binding : resolved.bindings().entrySet()) {
            if (!binding.getKey().equals(resolved.type().id()) && !binding.getValue().equals(record.get(binding.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String newId(ResourceType type, Object given) {
        if (given != null) {
            return String.valueOf(given);
        }
        if (type.prefix() == null) {
            throw new IllegalArgumentException(type.name() + " records need their '" + type.id() + "' given");
        }
        return Ids.sid(type.prefix());
    }

    private Map<String, Object> newRecord(ResolvedPath resolved, String account, String id) {
        ResourceType type = resolved.type();
        Instant now = Instant.now();
        Map<String, Object> record = new LinkedHashMap<>();
        type.defaults().forEach((field, value) -> record.put(field, NOW.equals(value) ? now : value));
        record.putAll(resolved.bindings());
        record.put(type.id(), id);
        if (record.containsKey("account_sid")) {
            record.put("account_sid", account);
        }
        String uri = resolved.recordUri(account, id);
        if (record.containsKey("uri")) {
            record.put("uri", uri);
        }
        if (!type.subresources().isEmpty()) {
            String base = uri.substring(0, uri.length() - ".json".length());
            Map<String, Object> uris = new LinkedHashMap<>();
            type.subresources().forEach((key, segment) -> uris.put(key, base + "/" + segment + ".json"));
            record.put("subresource_uris", uris);
        }
        return record;
    }

    private static void check(ResourceType type, String operation, Params form) {
        for (Requirement requirement : type.required()) {
            if (requirement.on().equals(operation) && requirement.params().stream().noneMatch(form::hasValue)) {
                throw TwilioError.badRequest(requirement.code(), requirement.message());
            }
        }
    }

    /** Copies form parameters onto the fields they name, typed like each field's default. */
    private static void applyForm(ResourceType type, Map<String, Object> record, Params form) {
        for (String param : form.names()) {
            String field = type.fieldFor(param);
            if (field == null || field.equals(type.id())) {
                continue;
            }
            Object template = type.defaults().get(field);
            List<String> values = form.all(param);
            record.put(field, convert(param, template, values));
        }
    }

    private static Object convert(String param, Object template, List<String> values) {
        if (template instanceof List<?>) {
            return List.copyOf(values);
        }
        String value = values.get(0);
        if (template instanceof Boolean) {
            return Boolean.parseBoolean(value);
        }
        if (template instanceof Integer) {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw TwilioError.invalidParameter(param + " must be an integer, not '" + value + "'");
            }
        }
        return value;
    }
}
