package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.twilioconnector.sandbox.MessagesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class NestedResourcesTest extends SandboxTestSupport {

    private static final String CALL = "CAdefbf2b4caa7df11dc48106385e32345";

    @BeforeEach
    void call() {
        sandbox.put("Calls", Map.of("sid", CALL, "to", "+15558675310", "date_created", "2014-06-02T10:00:00Z"));
    }

    @Test
    void feedbackIsCreatedAndReadOnTheCallsPath() {
        String path = Http.account(sandbox, "Calls/" + CALL + "/Feedback.json");

        Http.Reply created = http.post(path, Map.of("QualityScore", "5",
                "Issue", new String[] {"audio-latency", "dropped-call"}));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsOnlyKeys("account_sid", "date_created", "date_updated", "issues",
                        "quality_score", "sid")
                .containsEntry("sid", CALL)
                .containsEntry("quality_score", 5)
                .containsEntry("issues", List.of("audio-latency", "dropped-call"))
                .containsEntry("account_sid", sandbox.accountSid());
        assertThat(http.get(path).json()).isEqualTo(created.json());
    }

    @Test
    void badFeedbackIs400AndAnUnknownCallIs404() {
        String path = Http.account(sandbox, "Calls/" + CALL + "/Feedback.json");

        assertThat(http.post(path, Map.of("QualityScore", "6")).status()).isEqualTo(400);
        assertThat(http.post(path, Map.of("QualityScore", "3", "Issue", "too-loud")).status()).isEqualTo(400);
        assertError(http.post(path, Map.of()), 400, 20001,
                "Missing required parameter QualityScore in the post body");
        assertThat(http.get(path).status()).isEqualTo(404);
        assertThat(http.post(Http.account(sandbox, "Calls/CA" + "1".repeat(32) + "/Feedback.json"),
                Map.of("QualityScore", "5")).status()).isEqualTo(404);
    }

    @Test
    void feedbackSummaryIsCreatedReadAndDeleted() {
        http.post(Http.account(sandbox, "Calls/" + CALL + "/Feedback.json"),
                Map.of("QualityScore", "4", "Issue", "one-way-audio"));
        sandbox.put("Calls/" + CALL + "/Feedback", Map.of("quality_score", 4, "issues", List.of("one-way-audio"),
                "date_created", "2014-06-02T10:05:00Z"));

        Http.Reply created = http.post(Http.account(sandbox, "Calls/FeedbackSummary.json"),
                Map.of("StartDate", "2014-06-01", "EndDate", "2014-06-04"));

        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> summary = created.json();
        String sid = (String) summary.get("sid");
        assertThat(sid).matches("FS[0-9a-f]{32}");
        assertThat(summary).containsOnlyKeys("account_sid", "call_count", "call_feedback_count", "date_created",
                        "date_updated", "end_date", "include_subaccounts", "issues", "quality_score_average",
                        "quality_score_median", "quality_score_standard_deviation", "sid", "start_date", "status")
                .containsEntry("status", "queued").containsEntry("start_date", "2014-06-01")
                .containsEntry("end_date", "2014-06-04").containsEntry("call_count", 1)
                .containsEntry("call_feedback_count", 1).containsEntry("quality_score_average", 4.0)
                .containsEntry("include_subaccounts", false);
        assertThat(summary.get("issues")).isEqualTo(List.of(Map.of("count", 1, "description", "one-way-audio",
                "percentage_of_total_calls", "100.00")));

        String path = Http.account(sandbox, "Calls/FeedbackSummary/" + sid + ".json");
        assertThat(http.get(path).json()).isEqualTo(summary);
        assertThat(http.delete(path).status()).isEqualTo(204);
        assertThat(http.get(path).status()).isEqualTo(404);
        assertError(http.post(Http.account(sandbox, "Calls/FeedbackSummary.json"), Map.of("StartDate", "2014-06-01")),
                400, 20001, "Missing required parameter EndDate in the post body");
    }

    @Test
    void mediaIsListedBelowItsMessageAndDeletable() {
        String message = (String) sandbox.put("Messages", Map.of("to", "+15558675310")).get("sid");
        String other = (String) sandbox.put("Messages", Map.of("to", "+15558675311")).get("sid");
        sandbox.seed("Messages/" + message + "/Media", 3);
        sandbox.put("Messages/" + other + "/Media", Map.of("content_type", "image/png"));

        Map<String, Object> page = http.get(Http.account(sandbox, "Messages/" + message + "/Media.json")).json();

        List<?> media = (List<?>) page.get("media_list");
        assertThat(media).hasSize(3).allSatisfy(m -> {
            assertThat(((Map<?, ?>) m).get("parent_sid")).isEqualTo(message);
            assertThat(((Map<?, ?>) m).get("content_type")).isEqualTo("image/jpeg");
        });
        Map<?, ?> first = (Map<?, ?>) media.get(0);
        String path = Http.account(sandbox, "Messages/" + message + "/Media/" + first.get("sid") + ".json");
        assertThat(first.get("uri")).isEqualTo(path);
        assertThat(http.get(path).json()).isEqualTo(first);
        assertThat(http.get(Http.account(sandbox, "Messages/" + other + "/Media/" + first.get("sid") + ".json"))
                .status()).isEqualTo(404);
        assertThat(http.delete(path).status()).isEqualTo(204);
        assertThat(sandbox.records("Messages/" + message + "/Media")).hasSize(2);
        assertThat(http.get(Http.account(sandbox, "Messages/SM" + "2".repeat(32) + "/Media.json")).status())
                .isEqualTo(404);
    }

    @Test
    void aCallsRecordingsAlsoAppearAtAccountLevel() {
        Http.Reply started = http.post(Http.account(sandbox, "Calls/" + CALL + "/Recordings.json"), Map.of());
        sandbox.put("Recordings", Map.of("call_sid", "CA" + "3".repeat(32)));

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json()).containsEntry("call_sid", CALL).containsEntry("status", "in-progress");
        assertThat(http.get(Http.account(sandbox, "Recordings.json")).json().get("recordings")).asList().hasSize(2);
        assertThat(http.get(Http.account(sandbox, "Recordings.json?CallSid=" + CALL)).json().get("recordings"))
                .asList().hasSize(1);
        assertThat(http.get(Http.account(sandbox, "Calls/" + CALL + "/Recordings.json")).json().get("recordings"))
                .asList().hasSize(1);
    }

    @Test
    void queueMembersAndConferenceParticipantsAreKeyedByCallSid() {
        String queue = (String) http.post(Http.account(sandbox, "Queues.json"), Map.of("FriendlyName", "support"))
                .json().get("sid");
        sandbox.put("Queues/" + queue + "/Members", Map.of("call_sid", CALL, "position", 1));
        String member = Http.account(sandbox, "Queues/" + queue + "/Members/" + CALL + ".json");

        assertThat(http.get(member).json()).containsEntry("call_sid", CALL).containsEntry("queue_sid", queue);
        assertThat(http.post(member, Map.of()).status()).isEqualTo(400);
        assertThat(http.post(member, Map.of("Url", "https://example.com/dequeue")).status()).isEqualTo(200);

        String conference = (String) sandbox.put("Conferences", Map.of("friendly_name", "room")).get("sid");
        Http.Reply joined = http.post(Http.account(sandbox, "Conferences/" + conference + "/Participants.json"),
                Map.of("From", "+15017122661", "To", "+15558675310"));
        assertThat(joined.status()).isEqualTo(201);
        String participant = Http.account(sandbox, "Conferences/" + conference + "/Participants/"
                + joined.json().get("call_sid") + ".json");
        assertThat(http.post(participant, Map.of("Muted", "true")).json()).containsEntry("muted", true);
        assertThat(http.get(Http.account(sandbox, "Conferences/" + conference + "/Participants.json?Muted=true"))
                .json().get("participants")).asList().hasSize(1);
        assertThat(http.get(Http.account(sandbox, "Conferences/" + conference + "/Participants.json?Muted=false"))
                .json().get("participants")).asList().isEmpty();
    }
}
