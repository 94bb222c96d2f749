package dev.twilioconnector.flows;

import dev.twilioconnector.sandbox.MediaRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** routes/demo/download-recordings.yaml as written, against the sandbox, its timer replaced by a direct endpoint. */
class DownloadRecordingsFlowTest extends SandboxTestSupport {

    private static final Path FLOW = Path.of(System.getProperty("routes.dir", "../routes"), "demo", "download-recordings.yaml");

    private final Path dataDir = createDataDir();

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        Properties overrides = new Properties();
        overrides.put("twilio.flows.dir", dataDir.toString());
        camel.getPropertiesComponent().setOverrideProperties(overrides);
        return camel;
    }

    @Test
    void downloadsEachOfYesterdaysRecordingsToAWavFileNamedAfterItsSid() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String early = putRecording(yesterday.atStartOfDay().toInstant(ZoneOffset.UTC), 3);
        String late = putRecording(yesterday.atTime(23, 59, 59).toInstant(ZoneOffset.UTC), 7);
        putRecording(yesterday.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), 5);
        putRecording(yesterday.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), 5);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + FLOW));
        AdviceWith.adviceWith(context, "download-recordings", route -> route.replaceFromWith("direct:download-recordings"));
        context.start();

        producer.sendBody("direct:download-recordings", null);

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

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("download-recordings");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
