package dev.twilioconnector.wire;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio's dates become the ISO-8601 instants {@link DateTimeFormatter#RFC_1123_DATE_TIME} and
 * {@code Instant.toString()} make of them, whichever way Twilio writes them, and any other text stays as it came.
 */
class WireDatesTest {

    private static final List<DateTimeFormatter> TWILIO_FORMS = List.of(
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss Z", Locale.ENGLISH));

    @Test
    void twilioFormsWithAndWithoutDayOfWeekAndWithOneOrTwoDigitDays() {
        assertThat(WireDates.toIso("Fri, 24 May 2019 17:44:46 +0000")).isEqualTo("2019-05-24T17:44:46Z");
        assertThat(WireDates.toIso("24 May 2019 17:44:46 +0000")).isEqualTo("2019-05-24T17:44:46Z");
        assertThat(WireDates.toIso("Mon, 3 Jun 2019 09:05:00 +0000")).isEqualTo("2019-06-03T09:05:00Z");
        assertThat(WireDates.toIso("Mon, 03 Jun 2019 09:05:00 +0000")).isEqualTo("2019-06-03T09:05:00Z");
        assertThat(WireDates.toIso("3 Jun 2019 00:00:00 +0000")).isEqualTo("2019-06-03T00:00:00Z");
        assertThat(WireDates.toIso("Thu, 29 Feb 2024 23:59:59 +0000")).isEqualTo("2024-02-29T23:59:59Z");
    }

    @Test
    void otherOffsetsGmtMissingSecondsAndAnyCaseAreReadAsRfc1123ReadsThem() {
        assertThat(WireDates.toIso("Fri, 24 May 2019 19:44:46 +0200")).isEqualTo("2019-05-24T17:44:46Z");
        assertThat(WireDates.toIso("Fri, 24 May 2019 12:44:46 -0500")).isEqualTo("2019-05-24T17:44:46Z");
        assertThat(WireDates.toIso("Fri, 24 May 2019 17:44:46 GMT")).isEqualTo("2019-05-24T17:44:46Z");
        assertThat(WireDates.toIso("Fri, 24 May 2019 17:44 +0000")).isEqualTo("2019-05-24T17:44:00Z");
        assertThat(WireDates.toIso("FRI, 24 MAY 2019 17:44:46 +0000")).isEqualTo("2019-05-24T17:44:46Z");
        assertThat(WireDates.toIso("Fri, 24 May 2019 17:44:46 -0000")).isEqualTo("2019-05-24T17:44:46Z");
    }

    @Test
    void isoInstantsStayAndTextThatIsNoDateComesBackUnchanged() {
        assertThat(WireDates.toIso("2024-06-02T00:00:00Z")).isEqualTo("2024-06-02T00:00:00Z");
        assertThat(WireDates.toIso("2024-06-02T00:00:00.250Z")).isEqualTo("2024-06-02T00:00:00.250Z");
        assertThat(WireDates.toIso("")).isEqualTo("");
        assertThat(WireDates.toIso("yesterday")).isEqualTo("yesterday");
        assertThat(WireDates.toIso("Thu, 24 May 2019 17:44:46 +0000")).as("a day of week the date does not have")
                .isEqualTo("Thu, 24 May 2019 17:44:46 +0000");
        assertThat(WireDates.toIso("Fri, 24 May 2019 24:44:46 +0000")).isEqualTo("Fri, 24 May 2019 24:44:46 +0000");
        assertThat(WireDates.toIso(" Fri, 24 May 2019 17:44:46 +0000")).isEqualTo(" Fri, 24 May 2019 17:44:46 +0000");
    }

    @Test
    void everyDayOfTwoCenturiesInEveryTwilioFormReadsAsRfc1123ReadsIt() {
        LocalDate day = LocalDate.of(1950, 1, 1);
        for (int i = 0; day.getYear() < 2150; i++, day = day.plusDays(1)) {
            OffsetDateTime at = day.atTime(i % 24, i * 7 % 60, i * 13 % 60).atOffset(ZoneOffset.UTC);
            for (DateTimeFormatter form : TWILIO_FORMS) {
                String wire = form.format(at);
                assertThat(WireDates.twilioUtc(wire)).as("read by hand: " + wire).isEqualTo(rfc1123(wire));
                assertThat(WireDates.toIso(wire)).as(wire).isEqualTo(rfc1123(wire));
            }
        }
    }

    @Test
    void edgesOfTheCalendarReadAsRfc1123ReadsThem() {
        for (String wire : List.of("01 Jan 0000 00:00:00 +0000", "Sat, 01 Jan 0000 00:00:00 +0000", "1 Jan 0001 00:00:00 +0000",
                "31 Dec 0999 23:59:59 +0000", "31 Dec 9999 23:59:59 +0000", "29 Feb 2023 10:00:00 +0000",
                "31 Apr 2024 10:00:00 +0000", "0 Apr 2024 10:00:00 +0000", "29 Feb 1900 10:00:00 +0000",
                "29 Feb 2000 10:00:00 +0000", "24 May 2019 17:60:46 +0000", "24 May 2019 17:44:60 +0000",
                "24 Mai 2019 17:44:46 +0000", "24 May 2019 17:44:46 +000", "24 May 2019 17:44:46 +00000")) {
            assertThat(WireDates.toIso(wire)).as(wire).isEqualTo(rfc1123OrUnchanged(wire));
            assertThat(WireDates.twilioUtc(wire)).as("read by hand or left to the formatter: " + wire)
                    .isIn(null, rfc1123OrUnchanged(wire));
        }
    }

    /** What the connector made of Twilio's dates before it read its own form by hand. */
    private static String rfc1123(String wire) {
        return OffsetDateTime.parse(wire, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
    }

    private static String rfc1123OrUnchanged(String wire) {
        try {
            return rfc1123(wire);
        } catch (DateTimeParseException notRfc1123) {
            return wire;
        }
    }
}
