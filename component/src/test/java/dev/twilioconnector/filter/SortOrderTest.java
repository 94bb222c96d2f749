package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.TestEntities;
import dev.twilioconnector.error.TwilioConnectorInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.twilioconnector.filter.RecordPredicateTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortOrderTest {

    private static final Entity MESSAGES = TestEntities.messages();
    private static final String FIELDS = "Sid, Sender, To, Body, Status, DateSent, DateCreated, NumSegments, Price, Name, "
            + "AreaCode, StatusCallback, Redacted, MediaUrl";

    private static List<Object> sorted(String sortByColumns, String column, List<Map<String, Object>> records) {
        List<Map<String, Object>> copy = new ArrayList<>(records);
        copy.sort(SortOrder.parse(sortByColumns, MESSAGES).comparator());
        return copy.stream().map(r -> r.get(column)).toList();
    }

    @Test
    void parsesColumnsWithOptionalDirectionsInAnyCase() {
        SortOrder order = SortOrder.parse("DateCreated DESC, sid , from asc,NumSegments\tdesc", MESSAGES);

        assertThat(order.columns()).extracting(SortOrder.Column::name)
                .containsExactly("DateCreated", "Sid", "Sender", "NumSegments");
        assertThat(order.columns()).extracting(SortOrder.Column::direction).containsExactly(
                SortOrder.Direction.DESC, SortOrder.Direction.ASC, SortOrder.Direction.ASC, SortOrder.Direction.DESC);
        assertThat(order).hasToString("DateCreated DESC, Sid ASC, Sender ASC, NumSegments DESC");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void noColumnsMeansNoOrdering(String sortByColumns) {
        SortOrder order = SortOrder.parse(sortByColumns, MESSAGES);
        assertThat(order.isEmpty()).isTrue();
        assertThat(order.comparator().compare(record("Sid", "a"), record("Sid", "b"))).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Colour DESC           | sortByColumns: unknown column 'Colour'; Messages has the fields " + FIELDS,
            "Sid, StatusCallback   | sortByColumns: unknown column 'StatusCallback'; Messages has the fields " + FIELDS,
            "DateCreated DOWN      | sortByColumns: expected ASC, DESC or ',' after 'DateCreated' but found 'DOWN'",
            "DateCreated DESC Sid  | sortByColumns: expected ASC, DESC or ',' after 'DateCreated DESC' but found 'Sid'",
            "Sid,,Status           | sortByColumns: expected a column name between commas but found nothing in 'Sid,,Status'; "
                    + "Messages has the fields " + FIELDS,
            "Sid,                  | sortByColumns: expected a column name between commas but found nothing in 'Sid,'; "
                    + "Messages has the fields " + FIELDS,
            "MediaUrl              | sortByColumns: MediaUrl holds a list and has no order; expected one of the fields " + FIELDS,
    })
    void badColumnsAreInputErrorsNamingThemAndTheFields(String sortByColumns, String message) {
        assertThatThrownBy(() -> SortOrder.parse(sortByColumns, MESSAGES))
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage(message);
    }

    @Test
    void numbersSortNumericallyWithNullsLastAscendingAndFirstDescending() {
        List<Map<String, Object>> records = List.of(record("NumSegments", 10), record("NumSegments", null),
                record("NumSegments", 9L), record("NumSegments", "2"), record());
        assertThat(sorted("NumSegments", "NumSegments", records)).containsExactly("2", 9L, 10, null, null);
        assertThat(sorted("NumSegments DESC", "NumSegments", records).subList(2, 5)).containsExactly(10, 9L, "2");
        assertThat(sorted("NumSegments DESC", "NumSegments", records).subList(0, 2)).containsOnlyNulls();
    }

    @Test
    void decimalsSortNumerically() {
        List<Map<String, Object>> records = List.of(record("Price", -0.0075), record("Price", new BigDecimal("-0.1")),
                record("Price", 0));
        assertThat(sorted("Price ASC", "Price", records)).containsExactly(new BigDecimal("-0.1"), -0.0075, 0);
    }

    @Test
    void dateTimesSortInTimeAcrossOffsets() {
        List<Map<String, Object>> records = List.of(record("DateCreated", "2024-06-01T10:00:00Z"),
                record("DateCreated", "2024-06-01T11:00:00+02:00"), record("DateCreated", "2024-05-31T23:00:00Z"));
        assertThat(sorted("DateCreated DESC", "DateCreated", records))
                .containsExactly("2024-06-01T10:00:00Z", "2024-06-01T11:00:00+02:00", "2024-05-31T23:00:00Z");
    }

    @Test
    void laterColumnsBreakTiesOfEarlierOnes() {
        List<Map<String, Object>> records = List.of(
                record("Status", "sent", "Sid", "SM2"),
                record("Status", "failed", "Sid", "SM3"),
                record("Status", "sent", "Sid", "SM1"),
                record("Status", null, "Sid", "SM0"));
        assertThat(sorted("Status DESC, Sid", "Sid", records)).containsExactly("SM0", "SM1", "SM2", "SM3");
        assertThat(sorted("Status, Sid DESC", "Sid", records)).containsExactly("SM3", "SM2", "SM1", "SM0");
    }
}
