package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * The typed reading of record values shared by the filter evaluator and the sort order: numbers compare
 * numerically, dates as instants or UTC days, strings lexicographically, booleans by equality.
 */
final class TypedValues {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private TypedValues() {
    }

    /**
     * Compares a record value with a literal: negative, zero or positive, or null when the outcome is
     * unknown (the value is null or cannot be read as the field's type).
     */
    static Integer compare(Field field, Object value, Literal literal) {
        if (value == null) {
            return null;
        }
        switch (literal.kind()) {
            case STRING:
                return string(value).compareTo((String) literal.value());
            case NUMBER: {
                BigDecimal number = number(value);
                return number == null ? null : number.compareTo((BigDecimal) literal.value());
            }
            case BOOLEAN: {
                Boolean bool = bool(value);
                return bool == null ? null : Boolean.compare(bool, (Boolean) literal.value());
            }
            case DAY: {
                LocalDate day = day(field, value);
                return day == null ? null : day.compareTo((LocalDate) literal.value());
            }
            case INSTANT: {
                Instant instant = instant(value);
                return instant == null ? null : instant.compareTo((Instant) literal.value());
            }
            default:
                throw new IllegalStateException("Unknown literal kind " + literal.kind());
        }
    }

    /** The value as a key that orders like the field's type, or null when it is null or unreadable. */
    @SuppressWarnings({"rawtypes"})
    static Comparable sortKey(Field field, Object value) {
        if (value == null) {
            return null;
        }
        FieldType type = field.type();
        return switch (type) {
            case INTEGER, NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case DATETIME -> instant(value);
            case DATE -> day(field, value);
            default -> string(value);
        };
    }

    static String string(Object value) {
        return value instanceof String s ? s : String.valueOf(value);
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number n) {
            return parseNumber(n.toString());
        }
        if (value instanceof String s) {
            return parseNumber(s.trim());
        }
        return null;
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /** The UTC calendar day of a DATETIME value, or the day of a DATE value. */
    static LocalDate day(Field field, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (field.type() == FieldType.DATE && value instanceof String s && s.length() >= 10 && DAY.matcher(s.substring(0, 10)).matches()) {
            try {
                return LocalDate.parse(s.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Instant instant = instant(value);
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A DATETIME value as an instant: ISO-8601 with Z, an offset or no zone (UTC), a day, or RFC 2822. */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String s) {
            return parseInstant(s.trim());
        }
        return null;
    }

    /** Parses an ISO-8601 date-time (Z, offset or no zone meaning UTC), a day (its start in UTC) or RFC 2822. */
    static Instant parseInstant(String text) {
        if (DAY.matcher(text).matches()) {
            LocalDate day = parseDay(text);
            return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not ISO: try RFC 2822 as Twilio sends it
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Parses {@code YYYY-MM-DD}, or null. */
    static LocalDate parseDay(String text) {
        if (!DAY.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** True when the text has the shape of a day, {@code YYYY-MM-DD}. */
    static boolean looksLikeDay(String text) {
        return DAY.matcher(text).matches();
    }
}
