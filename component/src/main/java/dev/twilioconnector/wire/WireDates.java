package dev.twilioconnector.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Twilio's RFC 2822 timestamps ({@code Fri, 24 May 2019 17:44:46 +0000}) as ISO-8601 instants. */
final class WireDates {

    private WireDates() {
    }

    /** The ISO-8601 form, or the text unchanged when it is not RFC 2822 (Twilio is not always consistent). */
    static String toIso(String wire) {
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
}
