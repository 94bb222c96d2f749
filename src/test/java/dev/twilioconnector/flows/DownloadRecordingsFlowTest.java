package dev.twilioconnector.flows;

import dev.twilioconnector.sandbox.MediaRequest;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** routes/demo/download-recordings.yaml as written, against the sandbox, its timer replaced by a direct endpoint. */
class DownloadRecordingsFlowTest extends FlowTestSupport {

    @Test
    void downloadsEachOfYesterdaysRecordingsToAWavFileNamedAfterItsSid() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String early = putRecording(yesterday.atStartOfDay().toInstant(ZoneOffset.UTC), 3);
        String late = putRecording(yesterday.atTime(23, 59, 59).toInstant(ZoneOffset.UTC), 7);
        putRecording(yesterday.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), 5);
        putRecording(yesterday.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), 5);
        MockEndpoint done = loadFiredByHand("demo/download-recordings.yaml", "download-recordings");
        done.expectedMessageCount(1);

        producer.sendBody("direct:download-recordings", null);

        done.assertIsSatisfied();

        Path folder = dataDir.resolve("recordings");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(early + ".wav", late + ".wav");
        }
        assertThat(Files.readAllBytes(folder.resolve(early + ".wav"))).hasSize(44 + 3 * 16_000)
                .isEqualTo(sandbox.recordingAudio(early, "wav"));
        assertThat(Files.readAllBytes(folder.resolve(late + ".wav"))).isEqualTo(sandbox.recordingAudio(late, "wav"));
        assertThat(requestLines()).containsExactlyInAnyOrder(
                "GET " + accountPath("Recordings.json") + "?DateCreated=" + yesterday + "&PageSize=1000",
                "GET " + accountPath("Recordings/" + early + ".wav"),
                "GET " + accountPath("Recordings/" + late + ".wav"));
        assertThat(requests()).allSatisfy(request -> assertThat(request.authUser()).isEqualTo(sandbox.accountSid()));
        assertThat(sandbox.mediaRequests()).hasSize(2).extracting(request -> request.header("Authorization"))
                .allSatisfy(authorization -> assertThat(authorization).isEmpty());
        assertThat(sandbox.mediaRequests()).extracting(MediaRequest::status).containsOnly(200);
    }

    private static String putRecording(Instant created, int seconds) {
        return String.valueOf(sandbox.put("Recordings", Map.of("date_created", created,
                "duration", String.valueOf(seconds))).get("sid"));
    }
}
