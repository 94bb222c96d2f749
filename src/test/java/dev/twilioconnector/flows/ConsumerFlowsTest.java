package dev.twilioconnector.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.runtime.state.FileMessageStatuses;
import dev.twilioconnector.support.WebhookServer;
import dev.twilioconnector.webhook.TwilioSignature;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The flows of routes/ that start with a consumer, run as written against the sandbox. */
class ConsumerFlowsTest extends FlowTestSupport {

    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        WebhookServer.addTo(camel, PORT);
        // the beans the runner binds without a state database or a cluster service
        Path state = dataDir.resolve("state");
        camel.getRegistry().bind("twilioIdempotentRepository",
                FileIdempotentRepository.fileIdempotentRepository(state.resolve("idempotent-repository.dat").toFile()));
        camel.getRegistry().bind("messageStatuses", new FileMessageStatuses(state.resolve("message-status")));
        camel.getRegistry().bind("leaderOnly", new RoutePolicySupport() {
        });
        camel.getComponent("twilio-connector", TwilioConnectorComponent.class).getConfiguration().setStateRepository(
                FileStateRepository.fileStateRepository(state.resolve("cursors.state").toFile()));
        return camel;
    }

    @Test
    void forwardInboundSmsWritesEachInboundMessageOnceAsAFileNamedAfterItsSid() throws Exception {
        Instant sent = Instant.parse("2026-01-05T10:00:00Z");
        String first = putMessage("inbound", "Hello", sent);
        putMessage("outbound-api", "Not mine", sent.plusSeconds(1));
        String second = putMessage("inbound", "Still there?", sent.plusSeconds(2));
        load("forward-inbound-sms.yaml");
        context.start();

        Path out = dataDir.resolve("inbound-sms");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(out.resolve(second + ".json")));

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(first + ".json",
                    second + ".json");
        }
        JsonNode hello = JSON.readTree(out.resolve(first + ".json").toFile());
        assertThat(hello.get("Sid").asText()).isEqualTo(first);
        assertThat(hello.get("Body").asText()).isEqualTo("Hello");
        assertThat(hello.get("Direction").asText()).isEqualTo("inbound");
        assertThat(Files.readString(dataDir.resolve("state/cursors.state"))).contains(second);
        assertThat(Files.readAllLines(dataDir.resolve("state/idempotent-repository.dat")))
                .as("each Sid marked done once written").contains(first, second);
    }

    @Test
    void messageStatusCallbacksMarkEachMessagesFurthestStatusWhateverTheOrderTheyArriveIn() throws Exception {
        load("message-status-callbacks.yaml");
        context.start();
        String sid = "SM0123456789abcdef0123456789abcdef";
        String other = "SMfedcba9876543210fedcba9876543210";

        assertThat(postStatus(sid, "sent").statusCode()).isEqualTo(200);
        HttpResponse<String> response = postStatus(sid, "delivered");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<Response/>");
        assertThat(markedStatus(sid)).isEqualTo("delivered");

        assertThat(postStatus(sid, "sent").statusCode()).as("a late callback is still acknowledged").isEqualTo(200);
        assertThat(markedStatus(sid)).isEqualTo("delivered");
        assertThat(postStatus(other, "queued").statusCode()).isEqualTo(200);

        assertThat(postStatus(sid, "read").statusCode()).isEqualTo(200);
        assertThat(markedStatus(sid)).isEqualTo("read");
        assertThat(markedStatus(other)).isEqualTo("queued");
        JsonNode marked = JSON.readTree(dataDir.resolve("message-status/" + sid + ".json").toFile());
        assertThat(marked.get("Sid").asText()).isEqualTo(sid);
    }

    @Test
    void nightlyCallsExportWritesYesterdaysCallsAsJsonLinesOnceADay() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant yesterdayNoon = today.minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        String early = putCall(today.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        String noon = putCall(yesterdayNoon);
        putCall(today.minusDays(2).atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
        putCall(today.atStartOfDay().toInstant(ZoneOffset.UTC));
        Path exports = Files.createDirectories(dataDir.resolve("calls-export"));
        Path part = exports.resolve("calls-" + today.minusDays(1) + ".jsonl.part");
        Files.writeString(part, "{\"Sid\":\"" + early + "\"}\n");
        load("nightly-calls-export.yaml");
        AdviceWith.adviceWith(context, "nightly-calls-export", route -> route.replaceFromWith("direct:nightly-calls-export"));
        context.start();

        producer.sendBody("direct:nightly-calls-export", null);
        producer.sendBody("direct:nightly-calls-export", null);

        Path out = exports.resolve("calls-" + today.minusDays(1) + ".jsonl");
        assertThat(jsonLines(out)).extracting(line -> line.get("Sid").asText()).containsExactlyInAnyOrder(early, noon);
        assertThat(part).as("the half-written file of an interrupted run").doesNotExist();
        assertThat(requestLines()).as("the second run finds the day exported").containsExactly(
                "GET " + accountPath("Calls.json") + "?EndTime=" + today.minusDays(1) + "&PageSize=1000");
    }

    private static String putCall(Instant ended) {
        return String.valueOf(sandbox.put("Calls", Map.of("status", "completed", "end_time", ended,
                "start_time", ended.minusSeconds(60))).get("sid"));
    }

    private HttpResponse<String> postStatus(String sid, String status) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("MessageStatus", status);
        form.put("AccountSid", sandbox.accountSid());
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        String url = "http://127.0.0.1:" + PORT + "/message-status";
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", new TwilioSignature(sandbox.authToken()).sign(url, params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String markedStatus(String sid) throws Exception {
        return JSON.readTree(dataDir.resolve("message-status/" + sid + ".json").toFile()).get("Status").asText();
    }

    private static List<JsonNode> jsonLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
