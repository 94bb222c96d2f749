package dev.twilioconnector.sandbox;

import java.util.Comparator;
import java.util.Map;

/**
 * The order of a list: the resource's sort field (newest first by {@code date_created} unless the table says
 * otherwise), then the id, so that every record has one fixed place and page tokens stay valid.
 */
final class Ordering {

    private Ordering() {
    }

    /** The order as the store indexes it: records of one collection listed with the same sort share an index. */
    static Store.Order index(ResourceType type) {
        return new Store.Order(type.order() + "," + type.id(), of(type));
    }

    static Comparator<Map<String, Object>> of(ResourceType type) {
        boolean descending = type.order().startsWith("-");
        String field = descending ? type.order().substring(1) : type.order();
        Comparator<Map<String, Object>> byField = (a, b) -> compareValues(a.get(field), b.get(field));
        return (descending ? byField.reversed() : byField)
                .thenComparing(r -> String.valueOf(r.get(type.id())));
    }

    /** Instants by time, numbers by value, anything else as text; a missing value sorts lowest. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable && a.getClass() == b.getClass()) {
            return ((Comparable) a).compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
