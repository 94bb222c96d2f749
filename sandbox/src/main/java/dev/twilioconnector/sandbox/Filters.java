package dev.twilioconnector.sandbox;

import dev.twilioconnector.sandbox.ResourceType.FilterSpec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Twilio's server-side list filters. Where the inequality is part of the parameter name ({@code DateSent<},
 * {@code DateSent>}) the bound is inclusive; a {@code YYYY-MM-DD} bound compares the UTC day, a full
 * date-time compares the instant. Query parameters the resource does not filter on are ignored, as Twilio does.
 */
final class Filters {

    private Filters() {
    }

    /** The query parameter names a filter answers to. */
    static List<String> paramNames(FilterSpec filter) {
        return "range".equals(filter.match())
                ? List.of(filter.param(), filter.param() + "<", filter.param() + ">")
                : List.of(filter.param());
    }

    static Predicate<Map<String, Object>> of(ResourceType type, Params query) {
        List<Predicate<Map<String, Object>>> tests = new ArrayList<>();
        for (FilterSpec filter : type.filters()) {
            for (String param : paramNames(filter)) {
                String bound = query.first(param);
                if (bound != null) {
                    tests.add(test(filter, param, bound));
                }
            }
        }
        if (tests.isEmpty()) {
            return record -> true;
        }
        return record -> tests.stream().allMatch(t -> t.test(record));
    }

    private static Predicate<Map<String, Object>> test(FilterSpec filter, String param, String bound) {
        String field = filter.field();
        if ("include".equals(filter.match())) {
            boolean include = Boolean.parseBoolean(bound);
            return record -> include || !Boolean.TRUE.equals(record.get(field));
        }
        int wanted;
        if (param.endsWith("<") || "<=".equals(filter.match())) {
            wanted = -1;
        } else if (param.endsWith(">") || ">=".equals(filter.match())) {
            wanted = 1;
        } else if ("range".equals(filter.match())) {
            wanted = 0;
        } else {
            return record -> record.get(field) != null && String.valueOf(record.get(field)).equals(bound);
        }
        checkBound(param, bound);
        return record -> {
            Integer cmp = compare(record.get(field), bound);
            // wanted -1 means "at most the bound", 1 "at least", 0 "on it": all inclusive
            return cmp != null && (wanted == 0 ? cmp == 0 : cmp == 0 || Integer.signum(cmp) == wanted);
        };
    }

    private static void checkBound(String param, String bound) {
        try {
            WireFormat.parseInstant(bound);
        } catch (DateTimeParseException e) {
            throw TwilioError.invalidParameter("Invalid " + param + ": '" + bound
                    + "' is neither a YYYY-MM-DD date nor an ISO-8601 date-time");
        }
    }

    /** The field compared with the bound, or {@code null} when the record has no such value. */
    private static Integer compare(Object value, String bound) {
        if (value instanceof Instant instant) {
            if (WireFormat.isDay(bound)) {
                return LocalDate.ofInstant(instant, ZoneOffset.UTC).compareTo(LocalDate.parse(bound));
            }
            return instant.compareTo(WireFormat.parseInstant(bound));
        }
        if (value instanceof String text && WireFormat.isDay(text)) {
            LocalDate day = LocalDate.ofInstant(WireFormat.parseInstant(bound), ZoneOffset.UTC);
            return LocalDate.parse(text).compareTo(day);
        }
        return null;
    }
}
