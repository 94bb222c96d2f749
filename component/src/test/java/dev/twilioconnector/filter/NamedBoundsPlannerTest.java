package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounds of {@code DateCreated} pushed to the products' {@code DateCreatedAfter} and {@code DateCreatedBefore}, each
 * as its description reads it: Video's Rooms "on or after" and "before", Verify's attempts "after" and "before",
 * Content's ">=" and "<=". A comparison that no bound of the field keeps a superset of stays with the connector.
 */
class NamedBoundsPlannerTest {

    private static final Catalog CATALOG = Catalog.standard();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Video.Rooms                | DateCreated >= '2024-06-01T10:00:00Z' | DateCreatedAfter=2024-06-01T10%3A00%3A00Z",
            "Video.Rooms                | DateCreated > '2024-06-01T10:00:00Z'  | DateCreatedAfter=2024-06-01T10%3A00%3A00Z",
            "Video.Rooms                | DateCreated < '2024-06-01T10:00:00Z'  | DateCreatedBefore=2024-06-01T10%3A00%3A00Z",
            "Video.Rooms                | DateCreated <= '2024-06-01T10:00:00Z' | ''",
            "Video.Rooms                | DateCreated >= '2024-06-01'           | DateCreatedAfter=2024-06-01T00%3A00%3A00Z",
            "Video.Rooms                | DateCreated <= '2024-06-30'           | DateCreatedBefore=2024-07-01T00%3A00%3A00Z",
            "Verify.VerificationAttempts | DateCreated > '2024-06-01T10:00:00Z'  | DateCreatedAfter=2024-06-01T10%3A00%3A00Z",
            "Verify.VerificationAttempts | DateCreated >= '2024-06-01T10:00:00Z' | ''",
            "Content.Contents           | DateCreated <= '2024-06-01T10:00:00Z' | DateCreatedBefore=2024-06-01T10%3A00%3A00Z",
            "Content.Contents           | DateCreated < '2024-06-01T10:00:00Z'  | DateCreatedBefore=2024-06-01T10%3A00%3A00Z",
            "Content.Contents           | DateCreated <= '2024-06-30'           | DateCreatedBefore=2024-07-01T00%3A00%3A00Z",
    })
    void aBoundOfTheDateCreatedGoesToTheParameterThatKeepsASupersetOfIt(String entity, String clause, String query) {
        assertThat(FilterPlanner.plan(clause, CATALOG.require(entity)).queryString()).isEqualTo(query);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Studio.Executions          | DateCreated >= '2024-06-01T10:00:00Z' | DateCreatedFrom=2024-06-01T10%3A00%3A00Z",
            "Studio.Executions          | DateCreated < '2024-06-01T10:00:00Z'  | DateCreatedTo=2024-06-01T10%3A00%3A00Z",
            "Studio.Executions          | DateCreated = '2024-06-01'            | DateCreatedFrom=2024-06-01T00%3A00%3A00Z",
            "Conversations.Conversations | DateCreated >= '2024-06-01'          | StartDate=2024-06-01T00%3A00%3A00Z",
            "Conversations.Conversations | DateCreated <= '2024-06-30T23:59:59Z' | EndDate=2024-06-30T23%3A59%3A59Z",
            "Conversations.Conversations | DateCreated < '2024-06-30T23:59:59Z' | EndDate=2024-06-30T23%3A59%3A59Z",
            "Insights.CallSummaries     | StartTime >= '2021-08-25T00:00:00Z'   | StartTime=2021-08-25T00%3A00%3A00Z",
            "Insights.CallSummaries     | StartTime <= '2021-08-25T00:00:00Z'   | EndTime=2021-08-25T00%3A00%3A00Z",
            "Insights.CallSummaries     | StartTime = '2021-08-25T00:00:00Z'    | ''",
            "Insights.CallSummaries     | StartTime = '2021-08-25'              | StartTime=2021-08-25T00%3A00%3A00Z",
            "Insights.Conferences       | CreateTime > '2021-08-25T00:00:00Z'   | CreatedAfter=2021-08-25T00%3A00%3A00Z",
            "Insights.Conferences       | CreateTime >= '2021-08-25T00:00:00Z'  | ''",
            "Intelligence.Transcripts   | DateCreated < '2021-08-25T00:00:00Z'  | BeforeDateCreated=2021-08-25T00%3A00%3A00Z",
    })
    void aBoundNamedOtherwiseIsTheBoundItsDescriptionSays(String entity, String clause, String query) {
        assertThat(FilterPlanner.plan(clause, CATALOG.require(entity)).queryString()).isEqualTo(query);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DateCreated >= '2024-06-01T10:00:00Z' AND DateCreated < '2024-06-02T00:00:00Z' | 10:00:00 23:59:59 | false",
            "DateCreated > '2024-06-01T10:00:00Z'                                          | 23:59:59          | true",
            "DateCreated >= '2024-06-01'                                                   | 10:00:00 23:59:59 | false",
    })
    void theRecordsAreExactWhateverTwilioKept(String clause, String kept, boolean filteredHereToo) {
        FilterPlan plan = FilterPlanner.plan(clause, CATALOG.require("Video.Rooms"));
        List<Map<String, Object>> rooms = List.of(Map.of("DateCreated", "2024-06-01T10:00:00Z"),
                Map.of("DateCreated", "2024-06-01T23:59:59Z"), Map.of("DateCreated", "2024-05-31T23:59:59Z"));

        assertThat(rooms.stream().filter(plan::matches).map(room -> ((String) room.get("DateCreated")).substring(11, 19)))
                .containsExactly(kept.split(" "));
        assertThat(plan.needsLocalFiltering()).isEqualTo(filteredHereToo);
    }
}
