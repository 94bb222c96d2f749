package dev.twilioconnector.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.sandbox.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.sql.DataSource;
import javax.management.ObjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The runner as a user starts it with no Account SID: the embedded sandbox, seeded with what the flows of
 * routes/ address, every flow run once against it, and health, metrics and the connection's state over HTTP.
 */
class RunnerSandboxTest {

    /** The demo sandbox's second call of yesterday, whose SID gives it a MOS of 2.58. */
    private static final String LOW_MOS_CALL = "CA7c1e9b2d4f6a8c0e2b4d6f8af0a3f5c2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningRuntime runner;

    @BeforeAll
    static void startRunner() throws Exception {
        runner = RunningRuntime.start("file:" + RunningRuntime.ROUTES + "/*.yaml,file:" + RunningRuntime.DEMO_ROUTES
                + "/*.yaml", Map.of());
        // the poller and the nightly export send requests of their own, so a count of requests proves nothing
        await().atMost(Duration.ofSeconds(20)).untilAsserted(RunnerSandboxTest::everyFlowHasSentItsRequest);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(yesterdaysExport()));
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    @Test
    void everyFlowOfRoutesSucceedsAgainstTheSeededSandbox() {
        everyFlowHasSentItsRequest();
        assertThat(runner.sandbox().requests()).allSatisfy(request -> assertThat(request.status()).isLessThan(400));
    }

    @Test
    void theDemoSandboxFeedsThePollerAndTheNightlyExport() throws Exception {
        Path inbound = runner.flowsDir().resolve("inbound-sms");
        await().atMost(Duration.ofSeconds(20)).until(() -> inboundMessages(inbound).size() == 2);

        assertThat(inboundMessages(inbound)).satisfiesExactlyInAnyOrder(
                message -> assertThat(message).contains("\"Body\":\"Is my order on its way?\""),
                message -> assertThat(message).contains("\"Body\":\"STOP\""));
        assertThat(Files.readAllLines(yesterdaysExport())).satisfiesExactlyInAnyOrder(
                call -> assertThat(call).contains("\"Sid\":\"CA5d0a6e1c7f2b4e3d9a8b7c6d5e4f3a2b\""),
                call -> assertThat(call).contains("\"Sid\":\"" + LOW_MOS_CALL + "\""));
    }

    @Test
    void theDemoSandboxsRecordingOfYesterdayIsDownloadedToAWavFile() throws Exception {
        Path audio = runner.flowsDir().resolve("recordings/RE5d0a6e1c7f2b4e3d9a8b7c6d5e4f3a2b.wav");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(audio));

        assertThat(Files.readAllBytes(audio)).hasSize(44 + 42 * 16_000)
                .isEqualTo(runner.sandbox().recordingAudio("RE5d0a6e1c7f2b4e3d9a8b7c6d5e4f3a2b", "wav"));
        assertThat(runner.sandbox().mediaRequests()).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEmpty());
    }

    @Test
    void theDailyReportCountsMessagesBySqlAndTheTwilioDataSourceAnswersSql() throws Exception {
        Path report = runner.flowsDir().resolve("messages-report/messages-by-status-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));

        assertThat(Files.readAllLines(report)).first().isEqualTo("Status,N");
        DataSource twilio = runner.runtime().context().getRegistry()
                .lookupByNameAndType(TwilioConnectorRuntime.SQL_DATA_SOURCE, DataSource.class);
        try (Connection connection = twilio.getConnection();
             ResultSet count = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM IncomingPhoneNumbers WHERE Sid = 'PN4047ac009a15885690a50a1d388b8411'")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void theDemoConversationsMessagesAreCopiedOnceToItsTranscript() throws Exception {
        String conversation = runner.runtime().context().getPropertiesComponent()
                .resolveProperty("twilio.flows.conversation-sid").orElseThrow();
        Path transcript = runner.flowsDir().resolve("conversations/" + conversation + ".jsonl");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(transcript) && Files.readAllLines(transcript).size() == 2);

        assertThat(Files.readAllLines(transcript)).extracting(line -> JSON.readTree(line).path("Body").asText())
                .containsExactlyInAnyOrder("Is my order on its way?", "It ships today.");
        assertThat(conversation).matches("CH[0-9a-f]{32}");
    }

    @Test
    void yesterdaysCallQualityIsReportedFromTheInsightsSummariesOfTheDemoCalls() throws Exception {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Path report = runner.flowsDir().resolve("call-quality/call-quality-" + yesterday + ".json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));

        JsonNode quality = JSON.readTree(report.toFile());
        assertThat(quality.path("day").asText()).isEqualTo(yesterday);
        assertThat(quality.path("calls").asInt()).isEqualTo(2);
        assertThat(quality.path("averageMos").asDouble()).isCloseTo((3.86 + 2.58) / 2, within(1e-9));
        assertThat(quality.path("averageJitterMs").asDouble()).isCloseTo((5.05 + 11.34) / 2, within(1e-9));
        assertThat(quality.path("averagePacketLossPercent").asDouble()).isCloseTo((0.68 + 2.88) / 2, within(1e-9));
        assertThat(quality.path("lowMosCalls")).singleElement()
                .satisfies(call -> assertThat(call.path("CallSid").asText()).isEqualTo(LOW_MOS_CALL));
    }

    /** The messages the poller forwarded, one file each, named after its Sid. */
    private static List<String> inboundMessages(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("SM[0-9a-f]{32}\\.json"))
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    private static Path yesterdaysExport() {
        return runner.flowsDir().resolve("calls-export/calls-" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ".jsonl");
    }

    private static void everyFlowHasSentItsRequest() {
        String account = "/2010-04-01/Accounts/" + runner.sandbox().accountSid() + "/";

        assertThat(runner.sandbox().requests()).extracting(RecordedRequest::method,
                r -> r.path().replace(account, "").replaceAll("VA[0-9a-f]{32}", "{ServiceSid}")
                        .replaceAll("CH[0-9a-f]{32}", "{ConversationSid}"),
                RecordedRequest::status).contains(
                tuple("POST", "/verify/v2/Services", 201),
                tuple("POST", "/verify/v2/Services/{ServiceSid}/Verifications", 201),
                tuple("POST", "/verify/v2/Services/{ServiceSid}/VerificationCheck", 200),
                tuple("GET", "/conversations/v1/Conversations/{ConversationSid}/Messages", 200),
                tuple("GET", "/insights/v1/Voice/Summaries", 200),
                tuple("GET", "Recordings.json", 200),
                tuple("GET", "Recordings/RE2e915e78549694bd0a0742d2d39454e5.json", 200),
                tuple("GET", "Recordings/RE5d0a6e1c7f2b4e3d9a8b7c6d5e4f3a2b.wav", 302),
                tuple("DELETE", "Calls/CAaa4a99c300bd9d1bcc0d1ae9dcd248c6.json", 204),
                tuple("POST", "Calls/CAdefbf2b4caa7df11dc48106385e32345/Feedback.json", 201),
                tuple("POST", "Calls/FeedbackSummary.json", 201),
                tuple("POST", "Messages.json", 201),
                tuple("POST", "Messages/SM3ad97d41e786c02bca47c8ce1745053b.json", 200),
                tuple("GET", "Messages/SM3ad97d41e786c02bca47c8ce1745053b.json", 200),
                tuple("POST", "Messages/SM3ad97d41e786c02bca47c8ce1745053b.json", 200),
                tuple("POST", "IncomingPhoneNumbers/PN4047ac009a15885690a50a1d388b8411.json", 200),
                tuple("POST", "OutgoingCallerIds/PN6f5f9bf39cb1801a6e21a5a80d274bdd.json", 200));
    }

    @Test
    void theDemoSandboxDeliversTheMessageTheFlowWaitsFor() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runner.sandbox().records("Messages"))
                .filteredOn(message -> "Your order has shipped".equals(message.get("body")))
                .singleElement().satisfies(message -> assertThat(message).containsEntry("status", "delivered")));
    }

    @Test
    void healthIsServedWithTheConnectionsReadiness() throws Exception {
        HttpResponse<String> health = runner.get("/observe/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("twilio-connector-twilio");
    }

    @Test
    void metricsCountTheRequestsByEntityAndOperationInPrometheusFormat() throws Exception {
        HttpResponse<String> metrics = runner.get("/observe/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("twilio_connector_requests_seconds_count{connection=\"twilio\",entity=\"Messages\","
                + "method=\"POST\",operation=\"Update\",status=\"200\"} 2")
                .contains("twilio_connector_requests_seconds_count{connection=\"twilio\",entity=\"Calls\","
                        + "method=\"DELETE\",operation=\"Delete\",status=\"204\"} 1")
                .contains("twilio_connector_requests_seconds_bucket{connection=\"twilio\",entity=\"Recordings\",method=\"GET\","
                        + "operation=\"List\",status=\"200\",le=\"+Inf\"} 2")
                .contains("twilio_connector_throttle_wait_seconds_count{connection=\"twilio\"}");
    }

    @Test
    void pauseAndResumeAreJmxOperations() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName control = jmx.queryNames(new ObjectName("org.apache.camel:type=services,*"), null).stream()
                .filter(name -> name.getKeyProperty("name").startsWith("ConnectionControl"))
                .findFirst().orElseThrow();

        jmx.invoke(control, "pauseConnection", null, null);
        Object paused = jmx.getAttribute(control, "ConnectionState");
        jmx.invoke(control, "resumeConnection", null, null);

        assertThat(paused).isEqualTo("paused");
        assertThat(jmx.getAttribute(control, "ConnectionState")).isEqualTo("running");
    }

    @Test
    void connectionStateListsTheRoutesThatUseIt() throws Exception {
        HttpResponse<String> state = runner.get("/connection");

        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).startsWith("{\"state\":\"running\",\"routes\":[").contains("\"create-message\"")
                .doesNotContain("connection-pause")
                .containsPattern("],\"node\":\"[^\"]+-" + ProcessHandle.current().pid() + "\",\"leadership\":\\{},"
                        + "\"nodesSeen\":\\[\"[^\"]+-" + ProcessHandle.current().pid() + "\"],")
                .endsWith(",\"nodes\":{\"min\":2,\"max\":50},\"transactionsPerSecondPerNode\":25,"
                        + "\"capacity\":{\"minTransactionsPerSecond\":50,\"maxTransactionsPerSecond\":1250,"
                        + "\"currentTransactionsPerSecond\":25}}");
    }
}
