package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.TestEntities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordPredicateTest {

    private static final Entity MESSAGES = TestEntities.messages();

    static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return record;
    }

    private static Truth truth(String clause, Map<String, Object> record) {
        return RecordPredicate.evaluate(FilterParser.parse(clause, MESSAGES).expression().orElseThrow(), record);
    }

    private static boolean keeps(String clause, Map<String, Object> record) {
        return RecordPredicate.of(FilterParser.parse(clause, MESSAGES).expression().orElse(null)).test(record);
    }

    @Test
    void comparisonsWithANullOrAbsentValueAreUnknown() {
        Map<String, Object> noBody = record("Body", null, "Status", "sent");
        assertThat(truth("Body = 'x'", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("Body != 'x'", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("Price < 0", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("Body LIKE '%'", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("Body IN ('x')", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("NOT Body = 'x'", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(keeps("Body != 'x'", noBody)).isFalse();
        assertThat(keeps("NOT Body = 'x'", noBody)).isFalse();
    }

    @Test
    void unknownCombinesWithAndOrAsInSql() {
        Map<String, Object> noBody = record("Status", "sent");
        assertThat(truth("Body = 'x' AND Status = 'sent'", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("Body = 'x' AND Status = 'failed'", noBody)).isEqualTo(Truth.FALSE);
        assertThat(truth("Body = 'x' OR Status = 'sent'", noBody)).isEqualTo(Truth.TRUE);
        assertThat(truth("Body = 'x' OR Status = 'failed'", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("NOT (Body = 'x' OR Status = 'failed')", noBody)).isEqualTo(Truth.UNKNOWN);
        assertThat(keeps("Body = 'x' OR Status = 'sent'", noBody)).isTrue();
    }

    @Test
    void isNullIsTrueForAbsentAndNullValuesOnly() {
        assertThat(keeps("Body IS NULL", record())).isTrue();
        assertThat(keeps("Body IS NULL", record("Body", null))).isTrue();
        assertThat(keeps("Body IS NULL", record("Body", ""))).isFalse();
        assertThat(keeps("Body IS NOT NULL", record("Body", ""))).isTrue();
        assertThat(keeps("Body IS NOT NULL", record("Body", null))).isFalse();
        assertThat(keeps("MediaUrl IS NOT NULL", record("MediaUrl", List.of("https://x")))).isTrue();
    }

    @Test
    void notInWithANullValueKeepsNothingButInStillMatches() {
        assertThat(truth("Status IN ('a', 'b')", record("Status", "b"))).isEqualTo(Truth.TRUE);
        assertThat(truth("Status IN ('a', 'b')", record("Status", "c"))).isEqualTo(Truth.FALSE);
        assertThat(truth("Status NOT IN ('a', 'b')", record("Status", "c"))).isEqualTo(Truth.TRUE);
        assertThat(truth("Status NOT IN ('a', 'b')", record("Status", "a"))).isEqualTo(Truth.FALSE);
        assertThat(truth("Status NOT IN ('a', 'b')", record())).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "NumSegments = 2     | 2    | true",
            "NumSegments = 2.0   | 2    | true",
            "NumSegments != 2    | 2    | false",
            "NumSegments <> 3    | 2    | true",
            "NumSegments < 10    | 9    | true",
            "NumSegments < 10    | 10   | false",
            "NumSegments <= 10   | 10   | true",
            "NumSegments > 9     | 10   | true",
            "NumSegments > 10    | 10   | false",
            "NumSegments >= 10   | 10   | true",
            "NumSegments >= 10   | 9    | false",
    })
    void numbersCompareNumericallyNotAsText(String clause, long value, boolean kept) {
        assertThat(keeps(clause, record("NumSegments", value))).isEqualTo(kept);
        assertThat(keeps(clause, record("NumSegments", (int) value))).isEqualTo(kept);
        assertThat(keeps(clause, record("NumSegments", String.valueOf(value)))).isEqualTo(kept);
    }

    @Test
    void decimalsCompareAcrossRepresentations() {
        assertThat(keeps("Price < -0.005", record("Price", -0.0075))).isTrue();
        assertThat(keeps("Price = -0.0075", record("Price", new BigDecimal("-0.00750")))).isTrue();
        assertThat(keeps("Price > -0.005", record("Price", "-0.0075"))).isFalse();
        assertThat(keeps("Price > 2", record("Price", 10))).isTrue();
        assertThat(keeps("Price = 1", record("Price", "not a number"))).isFalse();
    }

    @Test
    void stringsCompareLexicographicallyAndCaseSensitively() {
        assertThat(keeps("Status = 'sent'", record("Status", "sent"))).isTrue();
        assertThat(keeps("Status = 'sent'", record("Status", "Sent"))).isFalse();
        assertThat(keeps("Status < 'b'", record("Status", "accepted"))).isTrue();
        assertThat(keeps("Status >= 'b'", record("Status", "accepted"))).isFalse();
        assertThat(keeps("Body = 'it''s'", record("Body", "it's"))).isTrue();
    }

    @Test
    void booleansCompareByEquality() {
        assertThat(keeps("Redacted = true", record("Redacted", true))).isTrue();
        assertThat(keeps("Redacted = true", record("Redacted", false))).isFalse();
        assertThat(keeps("Redacted != true", record("Redacted", false))).isTrue();
        assertThat(keeps("Redacted = false", record("Redacted", "false"))).isTrue();
    }

    @Test
    void likeUsesPercentAndUnderscoreCaseSensitively() {
        Map<String, Object> refund = record("Body", "Your refund is ready");
        assertThat(keeps("Body LIKE '%refund%'", refund)).isTrue();
        assertThat(keeps("Body LIKE '%Refund%'", refund)).isFalse();
        assertThat(keeps("Body LIKE 'Your%'", refund)).isTrue();
        assertThat(keeps("Body LIKE 'Your'", refund)).isFalse();
        assertThat(keeps("Body LIKE 'Y_ur refund is ready'", refund)).isTrue();
        assertThat(keeps("Body LIKE 'Y_r%'", refund)).isFalse();
        assertThat(keeps("Body NOT LIKE '%refund%'", refund)).isFalse();
        assertThat(keeps("Body LIKE '%'", record("Body", ""))).isTrue();
        assertThat(keeps("Body LIKE 'a%'", record("Body", "a\nb"))).isTrue();
    }

    @Test
    void likeTreatsRegexCharactersLiterallyAndBackslashEscapesWildcards() {
        assertThat(keeps("Body LIKE '100\\%'", record("Body", "100%"))).isTrue();
        assertThat(keeps("Body LIKE '100\\%'", record("Body", "1000"))).isFalse();
        assertThat(keeps("Body LIKE 'a\\_b'", record("Body", "a_b"))).isTrue();
        assertThat(keeps("Body LIKE 'a\\_b'", record("Body", "axb"))).isFalse();
        assertThat(keeps("Body LIKE 'a\\\\b'", record("Body", "a\\b"))).isTrue();
        assertThat(keeps("Body LIKE '(.*)+[x]$'", record("Body", "(.*)+[x]$"))).isTrue();
        assertThat(keeps("Body LIKE '(.*)+[x]$'", record("Body", "anything"))).isFalse();
    }

    @Test
    void inMatchesAnyListedValueWithTheFieldsType() {
        assertThat(keeps("NumSegments IN (1, 2, 3)", record("NumSegments", 2L))).isTrue();
        assertThat(keeps("NumSegments IN (1, 2, 3)", record("NumSegments", 4))).isFalse();
        assertThat(keeps("DateSent IN ('2024-06-01', '2024-06-03')", record("DateSent", "2024-06-03T23:59:59Z"))).isTrue();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "DateSent = '2024-06-01'                  | 2024-06-01T00:00:00Z | true",
            "DateSent = '2024-06-01'                  | 2024-06-01T23:59:59Z | true",
            "DateSent = '2024-06-01'                  | 2024-06-02T00:00:00Z | false",
            "DateSent <= '2024-06-01'                 | 2024-06-01T23:59:59Z | true",
            "DateSent < '2024-06-01'                  | 2024-06-01T00:00:00Z | false",
            "DateSent < '2024-06-01'                  | 2024-05-31T23:59:59Z | true",
            "DateSent >= '2024-06-01'                 | 2024-06-01T00:00:00Z | true",
            "DateSent >= '2024-06-01'                 | 2024-05-31T23:59:59Z | false",
            "DateSent > '2024-06-01'                  | 2024-06-01T23:59:59Z | false",
            "DateSent > '2024-06-01'                  | 2024-06-02T00:00:00Z | true",
            "DateSent != '2024-06-01'                 | 2024-06-01T12:00:00Z | false",
            "DateSent >= '2024-06-01T10:00:00Z'       | 2024-06-01T09:59:59Z | false",
            "DateSent >= '2024-06-01T10:00:00Z'       | 2024-06-01T10:00:00Z | true",
            "DateSent > '2024-06-01T10:00:00Z'        | 2024-06-01T10:00:00Z | false",
            "DateSent = '2024-06-01T10:00:00'         | 2024-06-01T10:00:00Z | true",
            "DateSent = '2024-06-01T12:00:00+02:00'   | 2024-06-01T10:00:00Z | true",
            "DateSent < '2024-06-01T10:00:00Z'        | 2024-06-01T11:00:00+02:00 | true",
            "DateSent = '2024-06-01'                  | 2024-06-01T01:00:00+02:00 | false",
            "DateSent = '2024-06-01'                  | 2024-06-02T01:00:00+02:00 | true",
            "DateSent = '2024-06-01'                  | \"Sat, 01 Jun 2024 10:15:30 +0000\" | true",
    })
    void dateTimesCompareByUtcDayForDayLiteralsAndByInstantOtherwise(String clause, String value, boolean kept) {
        assertThat(keeps(clause, record("DateSent", value))).isEqualTo(kept);
    }

    @Test
    void unreadableDatesAreUnknown() {
        assertThat(truth("DateSent >= '2024-06-01'", record("DateSent", "soon"))).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void searchOnlyConditionsHoldOnEveryRecord() {
        assertThat(keeps("AreaCode = 510 AND Status = 'sent'", record("Status", "sent"))).isTrue();
        assertThat(keeps("AreaCode = 510 AND Status = 'sent'", record("Status", "failed"))).isFalse();
    }

    @Test
    void anEmptyConditionKeepsEveryRecord() {
        assertThat(keeps("", record())).isTrue();
    }

    @Test
    void aliasedConditionsReadTheConnectorFieldOfTheRecord() {
        assertThat(keeps("From = '+15017122661'", record("Sender", "+15017122661"))).isTrue();
        assertThat(keeps("From = '+15017122661'", record("From", "+15017122661"))).isFalse();
    }
}
