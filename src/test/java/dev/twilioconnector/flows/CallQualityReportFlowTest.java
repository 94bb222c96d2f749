package dev.twilioconnector.flows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/demo/daily-call-quality-report.yaml as written, against the sandbox's Voice Insights under its path prefix:
 * the timer is replaced by a direct endpoint so the test decides when it fires, and the report it writes is read back.
 * The sandbox derives each call's quality from its SID: {@code CA00...0} is its best call (MOS 4.42, jitter 1 ms, no
 * loss), {@code CAff...f} its worst (MOS 2.49, 12 ms, 3 %).
 */
class CallQualityReportFlowTest extends FlowTestSupport {

    private static final String ID = "daily-call-quality-report";
    private static final String BEST = "CA" + "0".repeat(32);
    private static final String WORST = "CA" + "f".repeat(32);

    private final LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @Test
    void yesterdaysConnectedCallsAreAveragedAndTheLowMosOnesListed() throws Exception {
        call(BEST, yesterday.atTime(9, 0).toInstant(ZoneOffset.UTC), "completed");
        call(WORST, yesterday.atTime(23, 0).toInstant(ZoneOffset.UTC), "completed");
        call("CA" + "a".repeat(32), yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC), "busy");
        call("CA" + "b".repeat(32), yesterday.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), "completed");
        call("CA" + "c".repeat(32), yesterday.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), "completed");

        Map<String, Object> report = run();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("day", yesterday.toString());
        expected.put("calls", 2);
        expected.put("averageMos", 3.455);
        expected.put("averageJitterMs", 6.5);
        expected.put("averagePacketLossPercent", 1.5);
        expected.put("lowMosCalls", List.of(Map.of("CallSid", WORST,
                "Sender", Map.of("caller", "+15017122661", "connection", "landline", "country_code", "US"),
                "To", Map.of("callee", "+15558675310", "connection", "landline", "country_code", "US"),
                "Tags", List.of("high_jitter", "high_packet_loss", "low_mos"))));
        assertThat(report).isEqualTo(expected);
        // the day goes to Twilio as its start in UTC, a date-time as Insights takes it
        assertThat(requestLines()).containsExactly("GET /insights/v1/Voice/Summaries?StartTime=" + yesterday
                + "T00%3A00%3A00Z&PageSize=1000");
    }

    @Test
    void withNoCallsTheReportSaysSoWithNullAverages() throws Exception {
        Map<String, Object> report = run();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("day", yesterday.toString());
        expected.put("calls", 0);
        expected.put("averageMos", null);
        expected.put("averageJitterMs", null);
        expected.put("averagePacketLossPercent", null);
        expected.put("lowMosCalls", List.of());
        assertThat(report).isEqualTo(expected);
    }

    private Map<String, Object> run() throws Exception {
        loadFiredByHand("demo/daily-call-quality-report.yaml", ID).expectedMessageCount(1);
        producer.sendBody("direct:" + ID, null);
        getMockEndpoint("mock:" + ID).assertIsSatisfied();
        return new ObjectMapper().readValue(Files.readString(
                dataDir.resolve("call-quality/call-quality-" + yesterday + ".json")), Map.class);
    }

    /** A call created at {@code created}, answered 5 s later and lasting a minute unless it was busy. */
    private static void call(String sid, Instant created, String status) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("sid", sid);
        call.put("from", "+15017122661");
        call.put("to", "+15558675310");
        call.put("status", status);
        call.put("date_created", created);
        if (status.equals("completed")) {
            call.put("start_time", created.plusSeconds(5));
            call.put("end_time", created.plusSeconds(65));
            call.put("duration", "60");
        } else {
            call.put("end_time", created.plusSeconds(20));
        }
        sandbox.put("Calls", call);
    }
}
