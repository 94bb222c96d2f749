package dev.twilioconnector.wire;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Twilio's RFC 2822 timestamps ({@code Fri, 24 May 2019 17:44:46 +0000}) as ISO-8601 instants. */
final class WireDates {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    /** From the first digit of the day: {@code " MMM yyyy HH:mm:ss +0000"} after it. */
    private static final int AFTER_DAY = 24;

    private WireDates() {
    }

    /** The ISO-8601 form, or the text unchanged when it is not RFC 2822 (Twilio is not always consistent). */
    static String toIso(String wire) {
        String utc = wire == null ? null : twilioUtc(wire);
        return utc != null ? utc : parsed(wire);
    }

    /**
     * Twilio's own form, in UTC, read by hand, or null for anything else. {@link DateTimeFormatter#RFC_1123_DATE_TIME}
     * reads it too, but its optional day-of-week makes it copy what it parsed so far, and dates took 45 % of a List's
     * time; whatever this does not recognise exactly (other offsets, no seconds, other widths or case, dates the
     * calendar lacks) goes to that formatter, so the answer never differs from it.
     */
    static String twilioUtc(String wire) {
        int at = 0;
        int dayOfWeek = 0;
        if (wire.length() > 5 && wire.charAt(3) == ',' && wire.charAt(4) == ' ') {
            dayOfWeek = indexOf(DAYS, wire, 0) + 1;
            at = 5;
        }
        int dayDigits = wire.length() - at - AFTER_DAY;
        if (dayDigits != 1 && dayDigits != 2 || at > 0 && dayOfWeek == 0) {
            return null;
        }
        int day = digits(wire, at, dayDigits);
        int rest = at + dayDigits;
        int month = indexOf(MONTHS, wire, rest + 1) + 1;
        int year = digits(wire, rest + 5, 4);
        int hour = digits(wire, rest + 10, 2);
        int minute = digits(wire, rest + 13, 2);
        int second = digits(wire, rest + 16, 2);
        if (wire.charAt(rest) != ' ' || wire.charAt(rest + 4) != ' ' || wire.charAt(rest + 9) != ' '
                || wire.charAt(rest + 12) != ':' || wire.charAt(rest + 15) != ':' || !wire.startsWith(" +0000", rest + 18)
                || month == 0 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || dayOfWeek != 0 && LocalDate.of(year, month, day).getDayOfWeek() != DayOfWeek.of(dayOfWeek)) {
            return null;
        }
        StringBuilder iso = new StringBuilder(20).append(wire, rest + 5, rest + 9).append('-');
        twoDigits(iso, month).append('-');
        return twoDigits(iso, day).append('T').append(wire, rest + 10, rest + 18).append('Z').toString();
    }

    private static String parsed(String wire) {
        try {
            return OffsetDateTime.parse(wire, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
        } catch (DateTimeParseException notRfc2822) {
            try {
                return Instant.parse(wire).toString();
            } catch (DateTimeParseException notIso) {
                return wire;
            }
        }
    }

    /** The index of the three letters at {@code from} in {@code names}, or -1. */
    private static int indexOf(String[] names, String text, int from) {
        for (int i = 0; i < names.length; i++) {
            if (text.startsWith(names[i], from)) {
                return i;
            }
        }
        return -1;
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
