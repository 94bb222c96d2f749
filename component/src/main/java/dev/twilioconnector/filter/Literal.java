package dev.twilioconnector.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A value written in a filterClause, already converted to the type of the field it is compared with.
 *
 * @param kind  what the value is
 * @param value a String, BigDecimal, Boolean, LocalDate (a day) or Instant
 * @param text  the value as the user wrote it, without quotes
 */
public record Literal(Kind kind, Object value, String text) {

    public enum Kind {
        STRING, NUMBER, BOOLEAN,
        /** A calendar day: on a DATETIME field it compares at day granularity in UTC. */
        DAY,
        /** A point in time. */
        INSTANT
    }

    static Literal string(String text) {
        return new Literal(Kind.STRING, text, text);
    }

    static Literal number(BigDecimal number, String text) {
        return new Literal(Kind.NUMBER, number, text);
    }

    static Literal bool(boolean value) {
        return new Literal(Kind.BOOLEAN, value, Boolean.toString(value));
    }

    static Literal day(LocalDate day, String text) {
        return new Literal(Kind.DAY, day, text);
    }

    static Literal instant(Instant instant, String text) {
        return new Literal(Kind.INSTANT, instant, text);
    }

    /** The value as Twilio expects it in a query parameter. */
    public String render() {
        return switch (kind) {
            case STRING -> (String) value;
            case NUMBER -> plain((BigDecimal) value);
            case BOOLEAN -> value.toString();
            case DAY -> value.toString();
            case INSTANT -> value.toString();
        };
    }

    /** A number without exponent; a whole number without its zero fraction ({@code 510.0} is {@code 510}). */
    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : number.toPlainString();
    }

    /** The value as it would be written in a filterClause. */
    public String toSql() {
        return switch (kind) {
            case NUMBER, BOOLEAN -> render();
            default -> "'" + text.replace("'", "''") + "'";
        };
    }

    @Override
    public String toString() {
        return toSql();
    }
}
