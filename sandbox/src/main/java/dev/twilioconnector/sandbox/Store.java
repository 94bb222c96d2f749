package dev.twilioconnector.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The in-memory records: per account, per collection, by id. Every method is synchronized and hands out
 * copies, so request threads never see a record half-written; the volumes of a test double make one lock cheap.
 */
final class Store {

    /** The scope of records that belong to no account: the accounts themselves. */
    static final String GLOBAL = "";

    private final Map<String, Map<String, Map<String, Object>>> collections = new HashMap<>();

    synchronized Optional<Map<String, Object>> get(String scope, String collection, String id) {
        Map<String, Object> record = collection(scope, collection).get(id);
        return Optional.ofNullable(record).map(LinkedHashMap::new);
    }

    /**
     * Read-only views rather than copies: a stored record is never changed in place (save and update store a new
     * map), so a view is as safe as a copy, and a list over a million records does not copy them all per page.
     */
    synchronized List<Map<String, Object>> all(String scope, String collection) {
        List<Map<String, Object>> views = new ArrayList<>();
        collection(scope, collection).values().forEach(r -> views.add(Collections.unmodifiableMap(r)));
        return views;
    }

    synchronized void save(String scope, String collection, String id, Map<String, Object> record) {
        collection(scope, collection).put(id, new LinkedHashMap<>(record));
    }

    /** Replaces a record by a function of itself, atomically; empty when there is no such record. */
    synchronized Optional<Map<String, Object>> update(String scope, String collection, String id,
                                                      UnaryOperator<Map<String, Object>> change) {
        Map<String, Map<String, Object>> records = collection(scope, collection);
        Map<String, Object> current = records.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Map<String, Object> changed = change.apply(new LinkedHashMap<>(current));
        records.put(id, changed);
        return Optional.of(new LinkedHashMap<>(changed));
    }

    synchronized boolean remove(String scope, String collection, String id) {
        return collection(scope, collection).remove(id) != null;
    }

    synchronized void clear() {
        collections.clear();
    }

    private Map<String, Map<String, Object>> collection(String scope, String collection) {
        return collections.computeIfAbsent(scope + "/" + collection, k -> new LinkedHashMap<>());
    }
}
