package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of Conversations requests as {@link ConversationsService} takes them: each read from the form or
 * query, checked, and answered 400 with code 20001 and the allowed values when unusable.
 */
final class ConversationsForm {

    static final List<String> STATES = List.of("active", "inactive", "closed");
    private static final int MAX_BODY = 1600;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConversationsForm() {
    }

    static Map<String, Object> media(String mediaSid) {
        if (!mediaSid.matches("ME[0-9a-fA-F]{32}")) {
            throw TwilioError.invalidParameter("MediaSid must be a Media SID (ME and 32 hex digits), got '" + mediaSid + "'");
        }
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("sid", mediaSid);
        media.put("category", "media");
        media.put("content_type", null);
        media.put("filename", null);
        media.put("size", null);
        return media;
    }

    static Optional<String> body(Params form) {
        if (!form.hasValue("Body")) {
            return Optional.empty();
        }
        String body = form.first("Body");
        if (body.length() > MAX_BODY) {
            throw TwilioError.invalidParameter("Body may be up to " + MAX_BODY + " characters long, got " + body.length());
        }
        return Optional.of(body);
    }

    static Optional<String> state(Params form) {
        return form.hasValue("State") ? Optional.of(oneOf(form.first("State"), "State", STATES)) : Optional.empty();
    }

    /** Attributes as given, which must be JSON, as Twilio's documentation asks. */
    static Optional<String> attributes(Params form) {
        if (!form.hasValue("Attributes")) {
            return Optional.empty();
        }
        String attributes = form.first("Attributes");
        try {
            MAPPER.readTree(attributes);
        } catch (JsonProcessingException e) {
            throw TwilioError.invalidParameter("Attributes must be valid JSON, got '" + attributes + "'");
        }
        return Optional.of(attributes);
    }

    static Optional<String> date(Params form, String name) {
        if (!form.hasValue(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(WireFormat.parseInstant(form.first(name)).truncatedTo(ChronoUnit.SECONDS).toString());
        } catch (DateTimeParseException e) {
            throw TwilioError.invalidParameter(name + " must be an ISO-8601 date and time, got '" + form.first(name) + "'");
        }
    }

    static Instant day(String text, String name) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw TwilioError.invalidParameter(name + " must be a day, YYYY-MM-DD, got '" + text + "'");
        }
    }

    static String oneOf(String value, String name, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw TwilioError.invalidParameter(name + " must be one of " + String.join(", ",
                    allowed.stream().sorted().toList()) + ", got '" + value + "'");
        }
        return value;
    }
}
