package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.TestEntities;
import dev.twilioconnector.error.FilterSyntaxException;
import dev.twilioconnector.error.TwilioConnectorInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.twilioconnector.filter.RecordPredicateTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterPlannerTest {

    private static final Entity MESSAGES = TestEntities.messages();
    private static final Entity MEDIA = TestEntities.media();

    private static String sid(String prefix, int n) {
        return prefix + String.format("%032d", n);
    }

    /** Six messages; the planner's residual must keep exactly the right ones. */
    private static final List<Map<String, Object>> RECORDS = List.of(
            record("Sid", sid("SM", 1), "Sender", "+15017122661", "To", "+15551234567", "Body", "Your refund is ready",
                    "Status", "delivered", "DateSent", "2024-06-01T10:15:30Z", "NumSegments", 1, "Price", -0.0075),
            record("Sid", sid("SM", 2), "Sender", "+15017122661", "To", "+15558675310", "Body", "Hello",
                    "Status", "delivered", "DateSent", "2024-05-31T23:59:59Z", "NumSegments", 2, "Price", -0.015),
            record("Sid", sid("SM", 3), "Sender", "+15550000000", "To", "+15551234567", "Body", "100% sure",
                    "Status", "failed", "DateSent", "2024-06-02T00:00:00Z", "NumSegments", 3, "Price", null),
            record("Sid", sid("SM", 4), "Sender", "+15017122661", "To", "+15558675310", "Body", null,
                    "Status", "queued", "DateSent", null, "NumSegments", 1, "Price", null),
            record("Sid", sid("SM", 5), "Sender", "+15550000000", "To", "+15551234567", "Body", "refund_request",
                    "Status", "delivered", "DateSent", "2024-06-15T12:00:00Z", "NumSegments", 10L, "Price", new BigDecimal("-0.1")),
            record("Sid", sid("MM", 6), "Sender", "+15017122661", "To", "+15559990000", "Body", "Picture",
                    "Status", "received", "DateSent", "2024-06-01T00:00:00Z", "NumSegments", 1, "Price", 0, "Redacted", true));

    static Stream<Arguments> clauses() {
        return Stream.of(
                Arguments.of("Status = 'delivered'", "", List.of(1, 2, 5)),
                Arguments.of("To = '+15551234567'", "To=%2B15551234567", List.of(1, 3, 5)),
                Arguments.of("From = '+15017122661'", "From=%2B15017122661", List.of(1, 2, 4, 6)),
                Arguments.of("DateSent >= '2024-06-01'", "DateSent%3E=2024-06-01", List.of(1, 3, 5, 6)),
                Arguments.of("DateSent > '2024-06-01'", "DateSent%3E=2024-06-01", List.of(3, 5)),
                Arguments.of("DateSent <= '2024-06-01'", "DateSent%3C=2024-06-01", List.of(1, 2, 6)),
                Arguments.of("DateSent < '2024-06-01T10:15:30Z'", "DateSent%3C=2024-06-01T10%3A15%3A30Z", List.of(2, 6)),
                Arguments.of("DateSent = '2024-06-01'", "DateSent=2024-06-01", List.of(1, 6)),
                Arguments.of("DateSent >= '2024-06-01T12:00:00+02:00'", "DateSent%3E=2024-06-01T10%3A00%3A00Z", List.of(1, 3, 5)),
                Arguments.of("Status = 'delivered' AND DateSent >= '2024-06-01' AND (To = '+15551234567' OR Body LIKE '%refund%')",
                        "DateSent%3E=2024-06-01", List.of(1, 5)),
                Arguments.of("To = '+15551234567' OR Sender = '+15017122661'", "", List.of(1, 2, 3, 4, 5, 6)),
                Arguments.of("NOT To = '+15551234567' AND DateSent >= '2024-06-01'", "DateSent%3E=2024-06-01", List.of(6)),
                Arguments.of("Sender = '+15017122661' AND DateSent >= '2024-06-01' AND DateSent < '2024-06-02'",
                        "From=%2B15017122661&DateSent%3E=2024-06-01&DateSent%3C=2024-06-02", List.of(1, 6)),
                Arguments.of("To IN ('+15551234567', '+15559990000') AND NumSegments > 1", "", List.of(3, 5)),
                Arguments.of("Body IS NULL OR Price < 0", "", List.of(1, 2, 4, 5)),
                Arguments.of("To = '+15551234567' AND AreaCode = 555", "To=%2B15551234567&AreaCode=555", List.of(1, 3, 5)),
                Arguments.of("NOT (DateSent >= '2024-06-01')", "", List.of(2)),
                Arguments.of("Body LIKE '%100\\%%' OR Redacted = true", "", List.of(3, 6)),
                Arguments.of("DateSent >= '2024-06-01' AND DateSent >= '2024-06-02' AND To != '+1'",
                        "DateSent%3E=2024-06-01&DateSent%3E=2024-06-02", List.of(3, 5)),
                Arguments.of("", "", List.of(1, 2, 3, 4, 5, 6)));
    }

    @ParameterizedTest(name = "[{index}] {0} -> ?{1}")
    @MethodSource("clauses")
    void sendsThePushableConjunctsToTwilioAndKeepsExactlyTheMatchingRecords(String clause, String query, List<Integer> kept) {
        FilterPlan plan = FilterPlanner.plan(clause, MESSAGES);

        assertThat(plan.queryString()).isEqualTo(query);
        assertThat(RECORDS.stream().filter(plan::matches).map(r -> Integer.parseInt(((String) r.get("Sid")).substring(2))))
                .containsExactlyElementsOf(kept);
    }

    @Test
    void queryParametersAreAnOrderedMultimapOfRenderedValues() {
        FilterPlan plan = FilterPlanner.plan(
                "DateSent <= '2024-06-30' AND To = '+15551234567' AND DateSent > '2024-06-01' AND DateSent >= '2024-06-02'",
                MESSAGES);
        assertThat(plan.queryParameters()).containsExactly(
                Map.entry("DateSent<", List.of("2024-06-30")),
                Map.entry("To", List.of("+15551234567")),
                Map.entry("DateSent>", List.of("2024-06-01", "2024-06-02")));
    }

    @Test
    void aStrictBoundIsSentAsTwilioInclusiveBoundButFilteredExactly() {
        FilterPlan plan = FilterPlanner.plan("DateSent > '2024-06-01T10:15:30Z'", MESSAGES);

        assertThat(plan.queryParameters()).containsExactly(Map.entry("DateSent>", List.of("2024-06-01T10:15:30Z")));
        assertThat(plan.needsLocalFiltering()).isTrue();
        assertThat(plan.matches(record("DateSent", "2024-06-01T10:15:30Z"))).isFalse();
        assertThat(plan.matches(record("DateSent", "2024-06-01T10:15:31Z"))).isTrue();
    }

    @Test
    void pushedValuesAreRenderedAsTwilioExpects() {
        Entity numbers = MESSAGES;
        assertThat(FilterPlanner.plan("AreaCode = 510.0", numbers).queryParameters()).containsEntry("AreaCode", List.of("510"));
        assertThat(FilterPlanner.plan("AreaCode = '415'", numbers).queryParameters()).containsEntry("AreaCode", List.of("415"));
        assertThat(FilterPlanner.plan("DateSent = '2024-06-01T10:00:00'", numbers).queryParameters())
                .containsEntry("DateSent", List.of("2024-06-01T10:00:00Z"));
        assertThat(FilterPlanner.plan("To = 'a b&c'", numbers).queryString()).isEqualTo("To=a+b%26c");
    }

    @Test
    void onlyFullyPushedExactConditionsNeedNoLocalFiltering() {
        assertThat(FilterPlanner.plan("", MESSAGES).needsLocalFiltering()).isFalse();
        assertThat(FilterPlanner.plan("To = '+1' AND DateSent >= '2024-06-01'", MESSAGES).needsLocalFiltering()).isFalse();
        assertThat(FilterPlanner.plan("To = '+1' AND AreaCode = 510", MESSAGES).needsLocalFiltering()).isFalse();
        assertThat(FilterPlanner.plan("To = '+1' AND Status = 'sent'", MESSAGES).needsLocalFiltering()).isTrue();
        assertThat(FilterPlanner.plan("To = '+1' OR To = '+2'", MESSAGES).needsLocalFiltering()).isTrue();
        assertThat(FilterPlanner.plan("DateSent >= '2024-06-01T10:00:00Z'", MESSAGES).needsLocalFiltering()).isTrue();
    }

    @Test
    void aTopLevelIdEqualityLetsTheCallerGetOneRecord() {
        String sid = sid("SM", 1);
        assertThat(FilterPlanner.plan("Sid = '" + sid + "' AND Status = 'delivered'", MESSAGES).idEquality()).contains(sid);
        assertThat(FilterPlanner.plan(sid, MESSAGES).idEquality()).contains(sid);
        assertThat(FilterPlanner.plan("sid = '" + sid + "'", MESSAGES).idEquality()).contains(sid);
        assertThat(FilterPlanner.plan("Sid = '" + sid + "' OR Status = 'delivered'", MESSAGES).idEquality()).isEmpty();
        assertThat(FilterPlanner.plan("NOT Sid = '" + sid + "'", MESSAGES).idEquality()).isEmpty();
        assertThat(FilterPlanner.plan("Sid = '../../Calls'", MESSAGES).idEquality()).isEmpty();
        assertThat(FilterPlanner.plan("Sid = '../../Calls'", MESSAGES).matches(RECORDS.get(0))).isFalse();
    }

    @Test
    void topLevelParentKeyEqualitiesFillThePathInsteadOfTheQuery() {
        String message = sid("MM", 7);
        FilterPlan plan = FilterPlanner.plan("MessageSid = '" + message + "' AND DateCreated >= '2024-06-01'", MEDIA);

        assertThat(plan.parentKeys()).containsExactly(Map.entry("MessageSid", message));
        assertThat(plan.missingParentKeys()).isEmpty();
        assertThat(plan.queryParameters()).containsExactly(Map.entry("DateCreated>", List.of("2024-06-01")));
        assertThat(plan.matches(record("MessageSid", message, "DateCreated", "2024-06-01T00:00:00Z"))).isTrue();
        assertThat(plan.matches(record("MessageSid", sid("MM", 8), "DateCreated", "2024-06-01T00:00:00Z"))).isFalse();
    }

    @Test
    void aParentKeyInsideOrIsEvaluatedButDoesNotFillThePath() {
        FilterPlan plan = FilterPlanner.plan("MessageSid = '" + sid("MM", 7) + "' OR MessageSid = '" + sid("MM", 8) + "'", MEDIA);
        assertThat(plan.parentKeys()).isEmpty();
        assertThat(plan.missingParentKeys()).containsExactly("MessageSid");
        assertThat(plan.matches(record("MessageSid", sid("MM", 8)))).isTrue();
    }

    @Test
    void aParentKeyThatCouldEscapeThePathIsRefused() {
        assertThatThrownBy(() -> FilterPlanner.plan("MessageSid = '../Calls/CA1'", MEDIA))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("filterClause: MessageSid names the parent record in the path; expected an id of letters and digits "
                        + "but found '../Calls/CA1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AreaCode = 510 OR To = '+1'",
            "NOT AreaCode = 510",
            "AreaCode > 510",
            "AreaCode IN (510, 415)",
            "AreaCode IS NULL",
            "To = '+1' AND (AreaCode = 510 OR AreaCode = 415)"})
    void aSearchOnlyFieldCanOnlyBeAnEqualityJoinedWithAnd(String clause) {
        assertThatThrownBy(() -> FilterPlanner.plan(clause, MESSAGES))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageStartingWith("filterClause: AreaCode is a search parameter that Twilio evaluates and records do not carry;"
                        + " it can only be used as AreaCode = value joined with AND, but found AreaCode");
    }

    @Test
    void searchOnlyMisuseNamesTheOffendingCondition() {
        assertThatThrownBy(() -> FilterPlanner.plan("AreaCode >= 510", MESSAGES))
                .hasMessage("filterClause: AreaCode is a search parameter that Twilio evaluates and records do not carry;"
                        + " it can only be used as AreaCode = value joined with AND, but found AreaCode >= 510");
    }

    @Test
    void aParentKeyThatRecordsDoNotCarryFillsThePathAndHoldsOnEveryRecord() {
        Entity numbers = TestEntities.availablePhoneNumbers();
        FilterPlan plan = FilterPlanner.plan("CountryCode = 'US' AND AreaCode = 510 AND SmsEnabled = true AND Beta = false", numbers);

        assertThat(plan.parentKeys()).containsExactly(Map.entry("CountryCode", "US"));
        assertThat(plan.queryString()).isEqualTo("AreaCode=510&SmsEnabled=true&Beta=false");
        assertThat(plan.needsLocalFiltering()).isFalse();
        assertThat(plan.matches(record("PhoneNumber", "+15105550100", "Beta", false))).isTrue();
        assertThat(plan.matches(record("PhoneNumber", "+15105550100", "Beta", true))).isFalse();
    }

    @Test
    void aParentKeyThatRecordsDoNotCarryCanOnlyBeAnEqualityJoinedWithAnd() {
        Entity numbers = TestEntities.availablePhoneNumbers();
        assertThatThrownBy(() -> FilterPlanner.plan("CountryCode = 'US' OR CountryCode = 'CA'", numbers))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("filterClause: CountryCode is a parent key that fills the request path and records do not carry;"
                        + " it can only be used as CountryCode = value joined with AND, but found CountryCode = 'US'");
    }

    @Test
    void anEmptyClauseIsAnEmptyPlanThatKeepsEverything() {
        FilterPlan plan = FilterPlanner.plan("   ", MESSAGES);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.queryParameters()).isEmpty();
        assertThat(plan.parentKeys()).isEmpty();
        assertThat(plan.idEquality()).isEmpty();
        assertThat(plan.matches(record())).isTrue();
    }

    @Test
    void aSingleComparisonIsPushedOnItsOwn() {
        FilterPlan plan = FilterPlanner.plan("(To = '+15551234567')", MESSAGES);
        assertThat(plan.queryParameters()).containsExactly(Map.entry("To", List.of("+15551234567")));
        assertThat(plan.isEmpty()).isFalse();
    }
}
