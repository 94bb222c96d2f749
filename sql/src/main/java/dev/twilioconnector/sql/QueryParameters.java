package dev.twilioconnector.sql;

import dev.twilioconnector.error.TwilioConnectorInputException;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Brings the values of a query's {@code ?} parameters to the types Calcite inferred for them: a route gives text
 * ({@code '2024-06-01'} from the simple language) or Java values (an {@code Instant}), Calcite's generated code casts
 * without converting. Times are UTC, as the driver's; a bad value is refused before any request.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Object[] convert(List<?> values, ParameterMetaData types) throws SQLException {
        Object[] converted = new Object[values.size()];
        for (int i = 0; i < converted.length; i++) {
            Object value = values.get(i);
            converted[i] = value == null ? null : convert(i + 1, value, types.getParameterType(i + 1));
        }
        return converted;
    }

    private static Object convert(int position, Object value, int type) {
        try {
            return switch (type) {
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> Timestamp.from(instant(value));
                case Types.DATE -> Date.valueOf(value instanceof LocalDate date ? date : LocalDate.parse(text(value)));
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> value instanceof Number number
                        ? number.longValue() : Long.parseLong(text(value));
                case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> new BigDecimal(text(value));
                case Types.BOOLEAN -> bool(value);
                case Types.VARCHAR, Types.CHAR -> value.toString();
                default -> value;
            };
        } catch (DateTimeParseException | IllegalArgumentException notOfItsType) {
            throw new TwilioConnectorInputException("Parameter " + position + " of the query, '" + value + "', is not"
                    + " a value of its type: " + expected(type) + "; nothing was sent to Twilio");
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String text = text(value);
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    private static Boolean bool(Object value) {
        String text = text(value).toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(text);
    }

    private static String text(Object value) {
        return value.toString().trim();
    }

    private static String expected(int type) {
        return switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "a time, an Instant or ISO-8601 text (2024-06-01,"
                    + " 2024-06-01T10:00:00Z)";
            case Types.DATE -> "a date, a LocalDate or ISO-8601 text (2024-06-01)";
            case Types.BOOLEAN -> "true or false";
            default -> "a number";
        };
    }
}
