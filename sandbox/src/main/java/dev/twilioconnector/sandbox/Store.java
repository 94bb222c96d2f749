package dev.twilioconnector.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The in-memory records: per account, per collection, by id, and, once a collection has been listed, in list
 * order too. Every method is synchronized and hands out copies or read-only views, so request threads never see
 * a record half-written; the volumes of a test double make one lock cheap.
 */
final class Store {

    /** The scope of records that belong to no account: the accounts themselves. */
    static final String GLOBAL = "";

    /**
     * A list order of a collection. The comparator must tell apart any two records of the collection (end on the
     * id), since the index keeps one record per comparator key.
     */
    record Order(String name, Comparator<Map<String, Object>> comparator) {
    }

    private final Map<String, Map<String, Map<String, Object>>> collections = new HashMap<>();
    /**
     * Sorted indexes, per collection and order name, kept up to date on every write once built, so that a list
     * page is a seek and a short walk rather than a sort of the whole collection.
     */
    private final Map<String, Map<String, NavigableSet<Map<String, Object>>>> indexes = new HashMap<>();

    synchronized Optional<Map<String, Object>> get(String scope, String collection, String id) {
        Map<String, Object> record = collection(scope, collection).get(id);
        return Optional.ofNullable(record).map(LinkedHashMap::new);
    }

    /** Read-only views of a collection's records, in no particular order. */
    synchronized List<Map<String, Object>> all(String scope, String collection) {
        List<Map<String, Object>> views = new ArrayList<>();
        collection(scope, collection).values().forEach(r -> views.add(Collections.unmodifiableMap(r)));
        return views;
    }

    /**
     * Runs {@code reader} under the lock over the collection's records in {@code order}. The set and its records
     * are read-only views, valid only inside {@code reader}.
     */
    synchronized <T> T read(String scope, String collection, Order order,
                            Function<NavigableSet<Map<String, Object>>, T> reader) {
        String key = key(scope, collection);
        NavigableSet<Map<String, Object>> index = indexes.computeIfAbsent(key, k -> new HashMap<>())
                .computeIfAbsent(order.name(), name -> {
                    NavigableSet<Map<String, Object>> sorted = new TreeSet<>(order.comparator());
                    sorted.addAll(collection(scope, collection).values());
                    return sorted;
                });
        return reader.apply(Collections.unmodifiableNavigableSet(index));
    }

    synchronized void save(String scope, String collection, String id, Map<String, Object> record) {
        replace(scope, collection, id, new LinkedHashMap<>(record));
    }

    /** Replaces a record by a function of itself, atomically; empty when there is no such record. */
    synchronized Optional<Map<String, Object>> update(String scope, String collection, String id,
                                                      UnaryOperator<Map<String, Object>> change) {
        Map<String, Object> current = collection(scope, collection).get(id);
        if (current == null) {
            return Optional.empty();
        }
        Map<String, Object> changed = change.apply(new LinkedHashMap<>(current));
        replace(scope, collection, id, changed);
        return Optional.of(new LinkedHashMap<>(changed));
    }

    synchronized boolean remove(String scope, String collection, String id) {
        Map<String, Object> removed = collection(scope, collection).remove(id);
        if (removed != null) {
            indexesOf(scope, collection).forEach(index -> index.remove(removed));
        }
        return removed != null;
    }

    synchronized void clear() {
        collections.clear();
        indexes.clear();
    }

    /**
     * Stores a new map for the id; a stored map is never changed in place, which is what lets the indexes find
     * the old one by its sort key and hand out views rather than copies.
     */
    private void replace(String scope, String collection, String id, Map<String, Object> record) {
        Map<String, Object> old = collection(scope, collection).put(id, record);
        for (NavigableSet<Map<String, Object>> index : indexesOf(scope, collection)) {
            if (old != null) {
                index.remove(old);
            }
            index.add(record);
        }
    }

    private List<NavigableSet<Map<String, Object>>> indexesOf(String scope, String collection) {
        return new ArrayList<>(indexes.getOrDefault(key(scope, collection), Map.of()).values());
    }

    private Map<String, Map<String, Object>> collection(String scope, String collection) {
        return collections.computeIfAbsent(key(scope, collection), k -> new LinkedHashMap<>());
    }

    private static String key(String scope, String collection) {
        return scope + "/" + collection;
    }
}
