package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages and calls move through their statuses by themselves once the progression is on, as Twilio's do. The
 * steps are 300 ms apart and the test looks every 10 ms, so it sees each status on a busy two-core machine too.
 */
class StatusProgressionTest extends SandboxTestSupport {

    private static final Duration STEP = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void aMessageGoesQueuedSendingSentDeliveredAndGetsItsDateSent() {
        sandbox.statusProgression().every(STEP);

        Map<String, Object> created = http.post(Http.account(sandbox, "Messages.json"),
                Map.of("To", "+15558675310", "From", "+15017122661", "Body", "Hi")).json();

        String path = Http.account(sandbox, "Messages/" + created.get("sid") + ".json");
        assertThat(created).containsEntry("status", "queued").containsEntry("date_sent", null);
        assertThat(statusesUntil(path, "delivered")).containsExactly("queued", "sending", "sent", "delivered");
        assertThat(http.get(path).json().get("date_sent")).asString().matches(MessagesTest.RFC_2822);
    }

    @Test
    void aCallGoesQueuedRingingInProgressCompletedWithItsTimesAndDuration() {
        sandbox.statusProgression().every(STEP);

        Map<String, Object> created = http.post(Http.account(sandbox, "Calls.json"), Map.of("To", "+15558675310",
                "From", "+15017122661", "Url", "https://demo.twilio.com/docs/voice.xml")).json();

        String path = Http.account(sandbox, "Calls/" + created.get("sid") + ".json");
        assertThat(statusesUntil(path, "completed")).containsExactly("queued", "ringing", "in-progress", "completed");
        Map<String, Object> call = http.get(path).json();
        assertThat(call.get("start_time")).asString().matches(MessagesTest.RFC_2822);
        assertThat(call.get("end_time")).asString().matches(MessagesTest.RFC_2822);
        assertThat(call.get("duration")).asString().matches("\\d+");
    }

    @Test
    void aStatusSetByHandEndsTheProgressionAndStoredRecordsStayAsStored() throws InterruptedException {
        sandbox.statusProgression().every(Duration.ofMillis(100));
        Map<String, Object> created = http.post(Http.account(sandbox, "Messages.json"),
                Map.of("To", "+15558675310", "From", "+15017122661", "Body", "Hi")).json();
        sandbox.put("Messages", Map.of("sid", created.get("sid"), "status", "undelivered", "error_code", 30003));
        sandbox.put("Calls", Map.of("sid", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6", "status", "queued"));

        Thread.sleep(1_000);

        assertThat(sandbox.records("Messages")).singleElement().extracting(m -> m.get("status")).isEqualTo("undelivered");
        assertThat(sandbox.records("Calls")).singleElement().extracting(c -> c.get("status")).isEqualTo("queued");
        assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsExactly("POST");
    }

    @Test
    void itIsOffUntilAskedAndResetTurnsItOff() {
        assertThat(sandbox.statusProgression().step()).isEmpty();
        sandbox.statusProgression().every(STEP);

        sandbox.reset();

        assertThat(sandbox.statusProgression().step()).isEmpty();
        assertThatThrownBy(() -> sandbox.statusProgression().every(Duration.ZERO))
                .hasMessage("the status progression's step must be a positive duration, got PT0S");
    }

    @Test
    void theAdminApiReadsAndSwitchesIt() {
        Http admin = new Http(sandbox.baseUrl(), null, null);

        assertThat(admin.get("/sandbox/status-progression").json()).isEqualTo(Map.of("stepMillis", 0));
        assertThat(admin.json("PUT", "/sandbox/status-progression", "250").json()).isEqualTo(Map.of("stepMillis", 250));
        assertThat(sandbox.statusProgression().step()).contains(Duration.ofMillis(250));
        assertThat(admin.json("PUT", "/sandbox/status-progression", "{\"stepMillis\": 0}").json())
                .isEqualTo(Map.of("stepMillis", 0));
        assertThat(sandbox.statusProgression().step()).isEmpty();

        Http.Reply negative = admin.json("PUT", "/sandbox/status-progression", "-1");
        Http.Reply unknown = admin.json("PUT", "/sandbox/status-progression", "{\"step\": 5}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json()).isEqualTo(Map.of("message", "stepMillis must be 0 (off) or more milliseconds, got -1"));
        assertThat(unknown.json()).isEqualTo(Map.of("message", "unknown status-progression field 'step'; known: stepMillis"));
    }

    /** The statuses the record at {@code path} shows, each once, in order, until it shows {@code last}. */
    private static List<String> statusesUntil(String path, String last) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).equals(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the record did not reach " + last + " within " + PATIENCE + "; seen " + seen);
            }
            String status = String.valueOf(http.get(path).json().get("status"));
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            pause();
        }
        return seen;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
