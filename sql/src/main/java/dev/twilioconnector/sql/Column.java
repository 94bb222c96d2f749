package dev.twilioconnector.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * One column of an entity's table: a field of its records, with the SQL type the catalog's field type maps to and
 * the conversion of a record's value into the value Calcite holds for that type.
 *
 * <p>Instants ({@link FieldType#DATETIME}) are {@code TIMESTAMP}s of UTC wall-clock time rather than the ISO strings
 * records carry: so that they compare, sort and group as times ({@code FLOOR(DateSent TO DAY)}), compare with
 * {@code '2024-06-01'} by SQL's own coercion, and reach JDBC tools as {@code java.sql.Timestamp}. Lists and nested
 * objects are {@code VARCHAR}s of JSON, for SQL's JSON functions.
 */
record Column(String name, FieldType type, SqlTypeName sqlType) {

    /** Twilio's prices have up to five decimals ({@code -0.00750}). */
    private static final int DECIMAL_PRECISION = 19;
    private static final int DECIMAL_SCALE = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Column of(Field field) {
        return new Column(field.name(), field.type(), sqlType(field.type()));
    }

    /** A parent key that records carry only because the request path gave it. */
    static Column parentKey(String name) {
        return new Column(name, FieldType.STRING, SqlTypeName.VARCHAR);
    }

    static SqlTypeName sqlType(FieldType type) {
        return switch (type) {
            case STRING, LIST, OBJECT -> SqlTypeName.VARCHAR;
            case INTEGER -> SqlTypeName.BIGINT;
            case NUMBER -> SqlTypeName.DECIMAL;
            case BOOLEAN -> SqlTypeName.BOOLEAN;
            case DATETIME -> SqlTypeName.TIMESTAMP;
            case DATE -> SqlTypeName.DATE;
        };
    }

    RelDataType relType(RelDataTypeFactory types) {
        RelDataType type = sqlType == SqlTypeName.DECIMAL
                ? types.createSqlType(sqlType, DECIMAL_PRECISION, DECIMAL_SCALE)
                : types.createSqlType(sqlType);
        return types.createTypeWithNullability(type, true);
    }

    /**
     * The record's value as Calcite holds it: TIMESTAMP as epoch milliseconds, DATE as epoch days. A value that does
     * not have the field's type (Twilio sent text where a number belongs) is null, as SQL has no other place for it.
     */
    Object valueOf(Map<String, Object> record) {
        Object value = record.get(name);
        if (value == null) {
            return null;
        }
        return switch (sqlType) {
            case VARCHAR -> value instanceof Map<?, ?> || value instanceof Collection<?> ? json(value) : value.toString();
            case BIGINT -> value instanceof Number number ? (Object) number.longValue() : parse(value, Long::valueOf);
            case DECIMAL -> value instanceof BigDecimal ? value : parse(value, BigDecimal::new);
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case TIMESTAMP -> parse(value, text -> Instant.parse(text).toEpochMilli());
            case DATE -> parse(value, text -> (int) LocalDate.parse(text).toEpochDay());
            default -> throw new IllegalStateException("No conversion to " + sqlType);
        };
    }

    private static Object parse(Object value, java.util.function.Function<String, Object> parser) {
        try {
            return parser.apply(value.toString());
        } catch (NumberFormatException | DateTimeParseException notOfThisType) {
            return null;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record's value is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
