package dev.twilioconnector.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Voice Insights, through the catalog's {@code Insights.*} entities, against Prism serving Twilio's
 * {@code twilio_insights_v1.json}: call summaries filtered as Twilio filters them, a call's summary, events, metrics
 * and annotation; no request refused, the records Twilio's examples.
 */
class InsightsPrismContractTest {

    private static final String CALL = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String IN_CALL = "/v1/Voice/" + CALL;
    private static PrismProduct insights;

    /** The first example of the call summaries is an empty page; the one with carriers holds two calls. */
    @BeforeAll
    static void startPrism() throws Exception {
        insights = PrismProduct.start("insights", "twilio_insights_v1.json",
                Map.of("GET /v1/Voice/Summaries", "readWithCarrier"));
    }

    @AfterAll
    static void stopPrism() {
        if (insights != null) {
            insights.close();
        }
    }

    @Test
    void everyOperationOnACallsInsightsIsAcceptedByTheDescription() {
        Map<String, Object> ofCall = Map.of("CallSid", CALL);
        Map<String, Object> battery = ordered(
                "twilio-connector:Insights.CallSummaries/List?filterClause=CallState = 'completed' AND CallType = 'carrier'", null,
                "twilio-connector:Insights.Summaries/Get", Map.of("CallSid", CALL, "ProcessingState", "partial"),
                "twilio-connector:Insights.Events/List?filterClause=CallSid = '" + CALL + "'", null,
                "twilio-connector:Insights.Metrics/List?filterClause=CallSid = '" + CALL + "'", null,
                "twilio-connector:Insights.Annotations/Get", ofCall,
                "twilio-connector:Insights.Annotations/Update", Map.of("CallSid", CALL, "AnsweredBy", "human"));
        int before = insights.requests().size();

        Map<String, String> refused = insights.refused(battery);

        assertThat(refused).as(insights::log).isEmpty();
        assertThat(insights.requestsSince(before))
                .extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(tuple("GET", "/v1/Voice/Summaries"), tuple("GET", IN_CALL + "/Summary"),
                        tuple("GET", IN_CALL + "/Events"), tuple("GET", IN_CALL + "/Metrics"),
                        tuple("GET", IN_CALL + "/Annotation"), tuple("POST", IN_CALL + "/Annotation"));
    }

    @Test
    void callSummariesAreFilteredByTwilioOnTheConditionsTheListTakes() {
        int before = insights.requests().size();

        List<Map<String, Object>> summaries = insights.records("twilio-connector:Insights.CallSummaries/List",
                "ToCarrier = 'AT&T Wireless' AND AnsweredBy = 'machine_start' AND BrandedEnabled = true"
                        + " AND VoiceIntegrityEnabled = true AND CallType = 'carrier'");

        assertThat(insights.requestsSince(before).get(0).queryParameters()).containsExactlyInAnyOrder(
                entry("ToCarrier", "AT&T Wireless"), entry("AnsweredBy", "machine_start"), entry("BrandedEnabled", "true"),
                entry("VoiceIntegrityEnabled", "true"), entry("CallType", "carrier"), entry("PageSize", "25"));
        assertThat(summaries).extracting(summary -> summary.get("CallSid"), summary -> summary.get("CallType"),
                summary -> summary.get("Duration"), summary -> summary.get("StartTime"))
                .containsExactly(tuple(CALL, "carrier", 20, "2021-08-25T03:40:25Z"),
                        tuple(CALL, "carrier", 18, "2021-08-25T02:20:25Z"));
        assertThat(summaries.get(0)).contains(entry("AccountSid", PrismProduct.ACCOUNT), entry("CallState", "completed"),
                entry("AnsweredBy", "machine_start"), entry("ProcessingState", "complete"),
                entry("EndTime", "2021-08-25T03:40:45Z"), entry("ConnectDuration", 20),
                entry("Tags", List.of("high_packet_loss", "high_jitter")));
    }

    @Test
    void aCallsSummaryIsReadByTheCallGivenInThePayload() {
        int before = insights.requests().size();

        Map<String, Object> summary = insights.record("twilio-connector:Insights.Summaries/Get", Map.of("CallSid", CALL));

        assertThat(insights.requestsSince(before)).extracting(RecordingProxy.SentRequest::line)
                .containsExactly("GET " + IN_CALL + "/Summary");
        assertThat(summary).contains(entry("CallSid", CALL), entry("CallType", "carrier"), entry("CallState", "ringing"),
                entry("AnsweredBy", "machine_start"), entry("ProcessingState", "complete"),
                entry("CreatedTime", "2015-07-30T20:00:00Z"), entry("Duration", 100), entry("ConnectDuration", 99),
                entry("Tags", List.of("tags")));
    }

    /** A summary still being processed is asked for by its state, which Twilio takes in the query. */
    @Test
    void aCallsPartialSummaryIsAskedForByItsProcessingState() {
        int before = insights.requests().size();

        insights.record("twilio-connector:Insights.Summaries/Get", Map.of("CallSid", CALL, "ProcessingState", "partial"));

        assertThat(insights.requestsSince(before)).extracting(RecordingProxy.SentRequest::line)
                .containsExactly("GET " + IN_CALL + "/Summary?ProcessingState=partial");
    }

    /**
     * Twilio's examples of a call's events and metrics name calls of their own, which the connector reads from the
     * path, as Prism answers with them whatever the call, and checks on the records as the filterClause says.
     */
    @Test
    void aCallsEventsAndMetricsAreListedForAnEdge() {
        String eventsCall = "CA03a02b156c6faa96c86906f7e9ad0f38";
        String metricsCall = "CA7569efe0253644fa4a88aa97beca3310";
        int before = insights.requests().size();

        List<Map<String, Object>> events = insights.records("twilio-connector:Insights.Events/List",
                "CallSid = '" + eventsCall + "' AND Edge = 'sdk_edge'");
        List<Map<String, Object>> metrics = insights.records("twilio-connector:Insights.Metrics/List",
                "CallSid = '" + metricsCall + "' AND Edge = 'sdk_edge' AND Direction = 'both'");

        List<RecordingProxy.SentRequest> sent = insights.requestsSince(before);
        assertThat(sent.get(0).path()).isEqualTo("/v1/Voice/" + eventsCall + "/Events");
        assertThat(sent.get(0).queryParameters()).containsExactlyInAnyOrder(entry("Edge", "sdk_edge"), entry("PageSize", "25"));
        assertThat(sent.get(1).path()).isEqualTo("/v1/Voice/" + metricsCall + "/Metrics");
        assertThat(sent.get(1).queryParameters()).containsExactlyInAnyOrder(entry("Edge", "sdk_edge"), entry("Direction", "both"),
                entry("PageSize", "25"));
        assertThat(events).singleElement().satisfies(event -> assertThat(event).contains(
                entry("Timestamp", "2019-09-19T22:15:23Z"), entry("CallSid", eventsCall),
                entry("Edge", "sdk_edge"), entry("Group", "connection"), entry("Name", "error"), entry("Level", "ERROR")));
        assertThat(metrics).singleElement().satisfies(metric -> assertThat(metric).contains(
                entry("Timestamp", "2019-10-07T22:32:06Z"), entry("CallSid", metricsCall),
                entry("Edge", "sdk_edge"), entry("Direction", "both")));
    }

    @Test
    void aCallIsAnnotatedAndItsAnnotationReadBack() {
        int before = insights.requests().size();

        Map<String, Object> annotated = insights.record("twilio-connector:Insights.Annotations/Update", ordered(
                "CallSid", CALL, "AnsweredBy", "human", "ConnectivityIssue", "invalid_number", "Spam", true,
                "CallScore", 2, "Comment", "this is a call"));
        Map<String, Object> read = insights.record("twilio-connector:Insights.Annotations/Get", Map.of("CallSid", CALL));

        List<RecordingProxy.SentRequest> sent = insights.requestsSince(before);
        assertThat(sent.get(0).path()).isEqualTo(IN_CALL + "/Annotation");
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("AnsweredBy", "human"),
                entry("ConnectivityIssue", "invalid_number"), entry("Spam", "true"), entry("CallScore", "2"),
                entry("Comment", "this is a call"));
        assertThat(annotated).contains(entry("CallSid", CALL), entry("AnsweredBy", "human"),
                entry("QualityIssues", List.of("low_volume", "choppy_robotic")), entry("Spam", true), entry("CallScore", 2),
                entry("Incident", "https://twilio.zendesk.com/support/tickets/17353089"));
        assertThat(read).contains(entry("CallSid", CALL), entry("QualityIssues", List.of("low_volume")),
                entry("Comment", "this is a call"));
    }
}
