package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** How values look on Twilio's wire: JSON with alphabetically ordered keys and RFC 2822 dates. */
final class WireFormat {

    /** {@code Fri, 24 May 2019 17:44:46 +0000}: RFC_1123_DATE_TIME would print {@code GMT} instead of {@code +0000}. */
    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    // Twilio sorts keys alphabetically; sorting here makes responses match its examples byte for byte in order.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private WireFormat() {
    }

    static byte[] json(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response", e);
        }
    }

    /** A record as it goes on the wire: instants become RFC 2822 text, nested maps and lists are copied. */
    static Map<String, Object> render(Map<String, Object> record) {
        Map<String, Object> wire = new LinkedHashMap<>();
        record.forEach((k, v) -> wire.put(k, renderValue(v)));
        return wire;
    }

    @SuppressWarnings("unchecked")
    private static Object renderValue(Object value) {
        if (value instanceof Instant instant) {
            return RFC_2822.format(instant);
        }
        if (value instanceof Map<?, ?> map) {
            return render((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WireFormat::renderValue).toList();
        }
        return value;
    }

    static boolean isDay(String text) {
        return DAY.matcher(text).matches();
    }

    /**
     * Reads a date as callers write it: RFC 2822 as Twilio sends it, ISO-8601 with offset or {@code Z},
     * or a {@code YYYY-MM-DD} day (taken as its UTC midnight).
     */
    static Instant parseInstant(String text) {
        if (isDay(text)) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
    }
}
