package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.twilioconnector.sandbox.ConversationsTest.meta;
import static dev.twilioconnector.sandbox.ConversationsTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/** Twilio Voice Insights v1 under {@code /insights}, for the sandbox's own calls, over HTTP as a client sees it. */
class InsightsTest extends SandboxTestSupport {

    /** Its SID gives the best quality the sandbox reports, {@link #NOISY} the worst. */
    private static final String CLEAN = "CA" + "0".repeat(32);
    private static final String NOISY = "CA" + "f".repeat(32);
    private static final String VOICE = "/insights/v1/Voice/";
    private static final String ORIGIN = "https://insights.twilio.com/v1/Voice/";

    @Test
    void aCompletedCallHasASummaryWithItsTimesPartiesAndQuality() {
        call(CLEAN, "+15017122661", "+15558675310", "completed", "2026-06-01T10:00:00Z", 60);

        Http.Reply summary = http.get(VOICE + CLEAN + "/Summary");

        assertThat(summary.status()).isEqualTo(200);
        Map<String, Object> expected = new HashMap<>();
        expected.put("account_sid", sandbox.accountSid());
        expected.put("call_sid", CLEAN);
        expected.put("call_type", "carrier");
        expected.put("call_state", "completed");
        expected.put("answered_by", "unknown");
        expected.put("processing_state", "complete");
        expected.put("created_time", "2026-06-01T10:00:00Z");
        expected.put("start_time", "2026-06-01T10:00:05Z");
        expected.put("end_time", "2026-06-01T10:01:05Z");
        expected.put("duration", 65);
        expected.put("connect_duration", 60);
        expected.put("from", Map.of("caller", "+15017122661", "connection", "landline", "country_code", "US"));
        expected.put("to", Map.of("callee", "+15558675310", "connection", "landline", "country_code", "US"));
        expected.put("carrier_edge", Map.of(
                "properties", Map.of("direction", "outbound", "media_region", "us1", "signaling_region", "us1",
                        "edge_location", "ashburn"),
                "metrics", Map.of("inbound", metrics(3000, 0, 0.0, 1.0, 2.5, 4.42),
                        "outbound", metrics(3000, 0, 0.0, 1.0, 2.5, 4.42))));
        expected.put("client_edge", null);
        expected.put("sdk_edge", null);
        expected.put("sip_edge", null);
        expected.put("tags", List.of());
        expected.put("attributes", Map.of("conference_participant", false));
        expected.put("properties", Map.of("direction", "outbound_api", "queue_time", 0));
        expected.put("trust", null);
        expected.put("annotation", null);
        expected.put("url", ORIGIN + CLEAN + "/Summary");
        assertThat(summary.json()).isEqualTo(expected);
    }

    @Test
    void aNoisyCallIsTaggedAndItsFiguresAreTheSameEveryTime() {
        call(NOISY, "+15017122661", "+15558675310", "completed", "2026-06-01T10:00:00Z", 60);

        Map<String, Object> summary = http.get(VOICE + NOISY + "/Summary").json();

        assertThat(summary.get("tags")).isEqualTo(List.of("high_jitter", "high_packet_loss", "low_mos"));
        assertThat(summary.get("carrier_edge")).extracting("metrics").extracting("inbound")
                .isEqualTo(metrics(2910, 90, 3.0, 12.0, 30.0, 2.49));
        assertThat(http.get(VOICE + NOISY + "/Summary").json()).isEqualTo(summary);
    }

    @Test
    void aCallStillUnderWayHasAPartialSummaryOnlyWhenAskedForOneAndAnUnknownCallNone() {
        Map<String, Object> created = http.post(Http.account(sandbox, "Calls.json"), Map.of("To", "+15558675310",
                "From", "+15017122661", "Url", "https://example.com/twiml")).json();
        String sid = (String) created.get("sid");

        Http.Reply complete = http.get(VOICE + sid + "/Summary");
        assertThat(complete.status()).isEqualTo(404);
        assertThat(complete.json()).containsEntry("code", 20404);
        Map<String, Object> partial = http.get(VOICE + sid + "/Summary?ProcessingState=partial").json();
        assertThat(partial).containsEntry("processing_state", "partial").containsEntry("call_state", "ringing")
                .containsEntry("start_time", null).containsEntry("duration", null).containsEntry("connect_duration", null)
                .containsEntry("tags", List.of());
        assertThat(partial.get("carrier_edge")).isEqualTo(Map.of("properties", Map.of("direction", "outbound",
                "media_region", "us1", "signaling_region", "us1", "edge_location", "ashburn")));

        Http.Reply unknown = http.get(VOICE + "CA" + "1".repeat(32) + "/Summary");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).containsEntry("code", 20404).containsEntry("message",
                "The requested resource /insights/v1/Voice/CA" + "1".repeat(32) + "/Summary was not found");
        assertThat(http.get(VOICE + "CA" + "1".repeat(32) + "/Events").status()).isEqualTo(404);
        assertThat(http.post(VOICE + sid + "/Summary", Map.of()).status()).isEqualTo(405);
    }

    @Test
    void callSummariesListTheAccountsCallsNewestFirstWithTheirFilters() {
        call(CLEAN, "+15017122661", "+15558675310", "completed", "2026-06-01T10:00:00Z", 60);
        call(NOISY, "+15017122661", "+15550001111", "completed", "2026-06-01T12:00:00Z", 30);
        call("CA" + "a".repeat(32), "+15552223333", "+15558675310", "busy", "2026-06-01T14:00:00Z", 0);
        call("CA" + "b".repeat(32), "+15017122661", "+15558675310", "completed", "2026-06-02T09:00:00Z", 10);
        String day = "StartTime=2026-06-01T00:00:00Z&EndTime=2026-06-01T23:59:59Z";

        Map<String, Object> page = http.get(VOICE + "Summaries?" + day).json();
        assertThat(names(page, "call_summaries", "call_sid")).containsExactly("CA" + "a".repeat(32), NOISY, CLEAN);
        assertThat(meta(page)).containsEntry("key", "call_summaries").containsEntry("next_page_url", null)
                .containsEntry("url", ORIGIN + "Summaries?StartTime=2026-06-01T00%3A00%3A00Z"
                        + "&EndTime=2026-06-01T23%3A59%3A59Z&PageSize=50&Page=0");
        assertThat(names(http.get(VOICE + "Summaries?" + day + "&From=%2B15017122661").json(), "call_summaries",
                "call_sid")).containsExactly(NOISY, CLEAN);
        assertThat(names(http.get(VOICE + "Summaries?" + day + "&To=%2B15558675310&CallState=busy,completed").json(),
                "call_summaries", "call_sid")).containsExactly("CA" + "a".repeat(32), CLEAN);
        assertThat(names(http.get(VOICE + "Summaries?" + day + "&CallState=busy").json(), "call_summaries",
                "call_state")).containsExactly("busy");
        assertThat(names(http.get(VOICE + "Summaries?" + day + "&SortBy=end_time&PageSize=1").json(),
                "call_summaries", "call_sid")).containsExactly("CA" + "a".repeat(32));

        assertThat(names(http.get(VOICE + "Summaries?StartTime=2026-06-02&EndTime=2026-06-03").json(),
                "call_summaries", "call_sid")).containsExactly("CA" + "b".repeat(32));

        Http.Reply badState = http.get(VOICE + "Summaries?CallState=done");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json()).containsEntry("code", 20001).containsEntry("message", "CallState must be one of "
                + "ringing, completed, busy, fail, noanswer, canceled, answered, undialed, got 'done'");
        assertThat(http.get(VOICE + "Summaries?StartTime=yesterday").json()).containsEntry("message", "StartTime must be "
                + "xm, xh, xd, xw (minutes, hours, days, weeks back from now), an ISO-8601 date and time or a day "
                + "(YYYY-MM-DD, its start in UTC), got 'yesterday'");
    }

    @Test
    void withoutBoundsTheLastFourHoursAreListedAndRelativeBoundsCountBackFromNow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        call(CLEAN, "+15017122661", "+15558675310", "completed", now.minus(1, ChronoUnit.HOURS).toString(), 60);
        call(NOISY, "+15017122661", "+15558675310", "completed", now.minus(5, ChronoUnit.HOURS).toString(), 60);
        Map<String, Object> created = http.post(Http.account(sandbox, "Calls.json"), Map.of("To", "+15558675310",
                "From", "+15017122661", "Url", "https://example.com/twiml")).json();

        assertThat(names(http.get(VOICE + "Summaries").json(), "call_summaries", "call_sid")).containsExactly(CLEAN);
        assertThat(names(http.get(VOICE + "Summaries?StartTime=1d").json(), "call_summaries", "call_sid"))
                .containsExactly(CLEAN, NOISY);
        assertThat(names(http.get(VOICE + "Summaries?ProcessingState=partial").json(), "call_summaries", "call_sid"))
                .containsExactly(created.get("sid"));
        assertThat(names(http.get(VOICE + "Summaries?ProcessingState=all").json(), "call_summaries", "call_sid"))
                .containsExactlyInAnyOrder(created.get("sid"), CLEAN);
    }

    @Test
    void eventsAndMetricsOfACallFollowItsTimes() {
        call(CLEAN, "+15017122661", "+15558675310", "completed", "2026-06-01T10:00:00Z", 15);

        Map<String, Object> events = http.get(VOICE + CLEAN + "/Events").json();
        assertThat(names(events, "events", "name")).containsExactly("initiated", "answered", "completed");
        assertThat(names(events, "events", "timestamp")).containsExactly("2026-06-01T10:00:00Z",
                "2026-06-01T10:00:05Z", "2026-06-01T10:00:20Z");
        assertThat(meta(events)).containsEntry("key", "events");
        assertThat(http.get(VOICE + CLEAN + "/Events?Edge=sdk_edge").json().get("events")).isEqualTo(List.of());

        Map<String, Object> metrics = http.get(VOICE + CLEAN + "/Metrics?Direction=inbound").json();
        assertThat(names(metrics, "metrics", "timestamp")).containsExactly("2026-06-01T10:00:15Z", "2026-06-01T10:00:20Z");
        assertThat(names(metrics, "metrics", "carrier_edge")).containsExactly(
                Map.of("interval", metrics(500, 0, 0.0, 1.0, 2.5, 4.42), "cumulative", metrics(500, 0, 0.0, 1.0, 2.5, 4.42)),
                Map.of("interval", metrics(250, 0, 0.0, 1.0, 2.5, 4.42), "cumulative", metrics(750, 0, 0.0, 1.0, 2.5, 4.42)));
        assertThat(names(http.get(VOICE + CLEAN + "/Metrics").json(), "metrics", "direction"))
                .containsExactly("inbound", "outbound", "inbound", "outbound");
    }

    /** A call as the 2010 API holds it: created at {@code created}, answered 5 s later, lasting {@code seconds}. */
    private static void call(String sid, String from, String to, String status, String created, int seconds) {
        Instant at = Instant.parse(created);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("sid", sid);
        call.put("from", from);
        call.put("to", to);
        call.put("status", status);
        call.put("date_created", created);
        if (seconds > 0) {
            call.put("start_time", at.plusSeconds(5).toString());
            call.put("end_time", at.plusSeconds(5 + seconds).toString());
            call.put("duration", String.valueOf(seconds));
        } else {
            call.put("end_time", at.plusSeconds(20).toString());
        }
        sandbox.put("Calls", call);
    }

    private static Map<String, Object> metrics(int received, int lost, double loss, double jitter, double jitterMax,
                                               double mos) {
        Map<String, Object> metrics = new HashMap<>();
        metrics.put("codec", 0);
        metrics.put("codec_name", "pcmu");
        metrics.put("packets_received", received);
        metrics.put("packets_lost", lost);
        metrics.put("packets_loss_percentage", loss);
        metrics.put("jitter", Map.of("avg", jitter, "max", jitterMax));
        metrics.put("mos", mos);
        return metrics;
    }
}
