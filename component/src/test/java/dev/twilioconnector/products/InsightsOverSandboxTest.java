package dev.twilioconnector.products;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voice Insights through the catalog against the sandbox's Insights, for calls of the sandbox's 2010 API: a call's
 * summary, and the summaries of the calls started on a day (Twilio lists the calls from that day's start, the
 * connector keeps those that started on it), with the exact requests sent.
 */
class InsightsOverSandboxTest extends SandboxTestSupport {

    private static final String CLEAN = "CA" + "0".repeat(32);
    private static final String NOISY = "CA" + "f".repeat(32);

    @Test
    void aCallsSummaryIsReadByItsCallSid() {
        call(CLEAN, "2026-06-01T10:00:00Z");

        Map<String, Object> summary = record(callOk("twilio-connector:Insights.Summaries/Get", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "CallSid = '" + CLEAN + "'")));

        assertThat(summary).containsEntry("CallSid", CLEAN).containsEntry("CallState", "completed")
                .containsEntry("ProcessingState", "complete").containsEntry("ConnectDuration", 60)
                .containsEntry("StartTime", "2026-06-01T10:00:05Z");
        assertThat(summary.get("CarrierEdge")).extracting("metrics").extracting("inbound").extracting("mos").isEqualTo(4.42);
        assertThat(requestLines()).containsExactly("GET /insights/v1/Voice/" + CLEAN + "/Summary");
    }

    @Test
    void theSummariesOfTheCallsStartedOnADayAreListedFromThatDaysStart() {
        call(CLEAN, "2026-06-01T10:00:00Z");
        call(NOISY, "2026-06-01T12:00:00Z");
        call("CA" + "a".repeat(32), "2026-06-02T10:00:00Z");

        List<Map<String, Object>> summaries = records(callOk("twilio-connector:Insights.CallSummaries/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE,
                        "StartTime = '2026-06-01'")));

        assertThat(summaries).extracting(s -> s.get("CallSid")).containsExactly(NOISY, CLEAN);
        assertThat(requestLines()).containsExactly(
                "GET /insights/v1/Voice/Summaries?StartTime=2026-06-01T00%3A00%3A00Z&PageSize=25");
    }

    @Test
    void aCalledNumberAndBoundsOfTheCallsStartAreSentToTwilioWhichAloneComparesTheNumberWithTheCalledParty() {
        call(CLEAN, "2026-06-01T10:00:00Z");
        call(NOISY, "2026-06-01T12:00:00Z");
        call("CA" + "a".repeat(32), "2026-06-01T14:00:00Z", "+15550001111");

        List<Map<String, Object>> summaries = records(callOk("twilio-connector:Insights.CallSummaries/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "To = '+15558675310'"
                        + " AND StartTime >= '2026-06-01T11:00:00Z' AND StartTime < '2026-06-02'")));

        assertThat(summaries).extracting(s -> s.get("CallSid")).containsExactly(NOISY);
        assertThat(summaries.get(0).get("To")).extracting("callee").isEqualTo("+15558675310");
        assertThat(requestLines()).containsExactly("GET /insights/v1/Voice/Summaries?To=%2B15558675310"
                + "&StartTime=2026-06-01T11%3A00%3A00Z&EndTime=2026-06-02T00%3A00%3A00Z&PageSize=25");
    }

    @Test
    void anObjectTheListFiltersByIsComparedByTwilioOnlyAsEquality() {
        assertThat(call("twilio-connector:Insights.CallSummaries/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "To = '+15558675310' OR CallState = 'busy'"))
                .getException()).hasMessage("filterClause: To is an object that Twilio filters by To; it can only be"
                + " used as To = value joined with AND, or with IS NULL, but found To = '+15558675310'");
        assertThat(call("twilio-connector:Insights.CallSummaries/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "Sender LIKE '+1%'")).getException())
                .hasMessageContaining("LIKE applies to text fields but Sender is an object");
        assertThat(requestLines()).isEmpty();
    }

    private static void call(String sid, String created) {
        call(sid, created, "+15558675310");
    }

    private static void call(String sid, String created, String to) {
        java.time.Instant at = java.time.Instant.parse(created);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("sid", sid);
        call.put("status", "completed");
        call.put("from", "+15017122661");
        call.put("to", to);
        call.put("date_created", created);
        call.put("start_time", at.plusSeconds(5).toString());
        call.put("end_time", at.plusSeconds(65).toString());
        call.put("duration", "60");
        sandbox.put("Calls", call);
    }
}
