package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.error.FilterSyntaxException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ordering a List asks for with {@code sortByColumns}, such as {@code DateCreated DESC, Sid}: one or
 * more columns, comma-separated, each optionally {@code ASC} or {@code DESC} (case-insensitive).
 * Values compare by the field's type (numbers numerically, dates in time); nulls come last in ascending
 * order and first in descending order.
 */
public final class SortOrder {

    /** The direction of one column. */
    public enum Direction {
        ASC, DESC
    }

    /** One column of the ordering, with the field's canonical name. */
    public record Column(Field field, Direction direction) {
        public String name() {
            return field.name();
        }

        @Override
        public String toString() {
            return field.name() + ' ' + direction;
        }
    }

    private static final SortOrder NONE = new SortOrder(List.of());

    private final List<Column> columns;
    private final Comparator<Map<String, Object>> comparator;

    private SortOrder(List<Column> columns) {
        this.columns = List.copyOf(columns);
        Comparator<Map<String, Object>> result = (a, b) -> 0;
        for (Column column : columns) {
            result = result.thenComparing(comparator(column));
        }
        this.comparator = result;
    }

    /**
     * Parses sortByColumns for an entity; null or blank is no ordering ({@link #isEmpty()}).
     *
     * @throws FilterSyntaxException naming an unknown column or a bad token, with the entity's fields
     */
    public static SortOrder parse(String sortByColumns, Entity entity) {
        if (sortByColumns == null || sortByColumns.isBlank()) {
            return NONE;
        }
        List<Column> columns = new ArrayList<>();
        String[] parts = sortByColumns.split(",", -1);
        for (String part : parts) {
            String[] words = part.trim().split("\\s+");
            if (part.isBlank()) {
                throw new FilterSyntaxException("sortByColumns: expected a column name between commas but found nothing in '"
                        + sortByColumns + "'; " + entity.name() + " has the fields " + entity.fieldNames());
            }
            if (words.length > 2) {
                throw new FilterSyntaxException("sortByColumns: expected ASC, DESC or ',' after '" + words[0] + " " + words[1]
                        + "' but found '" + words[2] + "'");
            }
            Direction direction = Direction.ASC;
            if (words.length == 2) {
                String word = words[1].toUpperCase(Locale.ROOT);
                if (!word.equals("ASC") && !word.equals("DESC")) {
                    throw new FilterSyntaxException("sortByColumns: expected ASC, DESC or ',' after '" + words[0]
                            + "' but found '" + words[1] + "'");
                }
                direction = Direction.valueOf(word);
            }
            columns.add(new Column(field(words[0], entity), direction));
        }
        return new SortOrder(columns);
    }

    private static Field field(String name, Entity entity) {
        Optional<Field> field = entity.field(name);
        if (field.isEmpty() || !field.get().returned()) {
            throw new FilterSyntaxException("sortByColumns: unknown column '" + name + "'; " + entity.name()
                    + " has the fields " + entity.fieldNames());
        }
        FieldType type = field.get().type();
        if (type == FieldType.LIST || type == FieldType.OBJECT) {
            throw new FilterSyntaxException("sortByColumns: " + field.get().name() + " holds "
                    + (type == FieldType.LIST ? "a list" : "an object") + " and has no order; expected one of the fields "
                    + entity.fieldNames());
        }
        return field.get();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Map<String, Object>> comparator(Column column) {
        Field field = column.field();
        boolean descending = column.direction() == Direction.DESC;
        return (a, b) -> {
            Comparable left = TypedValues.sortKey(field, a.get(field.name()));
            Comparable right = TypedValues.sortKey(field, b.get(field.name()));
            int result;
            if (left == null || right == null) {
                // null is the largest value: last when ascending, first when descending
                result = left == right ? 0 : left == null ? 1 : -1;
            } else {
                result = left.compareTo(right);
            }
            return descending ? -result : result;
        };
    }

    /** The columns in order of precedence. */
    public List<Column> columns() {
        return columns;
    }

    /** True when no ordering was asked for. */
    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** Orders records (maps keyed by the connector's field names) as asked; 0 for every pair when empty. */
    public Comparator<Map<String, Object>> comparator() {
        return comparator;
    }

    /** The ordering written back with canonical names: {@code DateCreated DESC, Sid ASC}. */
    @Override
    public String toString() {
        return columns.stream().map(Column::toString).collect(Collectors.joining(", "));
    }
}
