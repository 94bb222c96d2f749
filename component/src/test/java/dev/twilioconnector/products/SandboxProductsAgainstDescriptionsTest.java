package dev.twilioconnector.products;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's Conversations and Insights answer as Twilio's official descriptions of them say: every answer of
 * each operation the sandbox serves passes the description's response schema, and each record has exactly the
 * properties the description gives it, none missing and none of the sandbox's own.
 */
class SandboxProductsAgainstDescriptionsTest {

    private static final String CALL = "CA" + "0".repeat(32);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static TwilioSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void conversationsParticipantsAndMessagesAreTheDescriptionsRecords() throws Exception {
        Description description = new Description("twilio_conversations_v1.json", sandbox.conversationsBaseUrl());
        String conversations = "/v1/Conversations";

        Answer conversation = description.call("POST", conversations, Map.of("FriendlyName", "Support",
                "UniqueName", "ticket-1"));
        String sid = conversation.json().path("sid").asText();
        String participants = conversations + "/" + sid + "/Participants";
        String messages = conversations + "/" + sid + "/Messages";
        Answer agent = description.call("POST", participants, Map.of("Identity", "agent-7"));
        Answer customer = description.call("POST", participants, Map.of("MessagingBinding.Address", "+15558675310",
                "MessagingBinding.ProxyAddress", "+15017122661"));
        Answer message = description.call("POST", messages, Map.of("Author", "agent-7", "Body", "Hello"));
        String messageSid = message.json().path("sid").asText();
        List<Answer> answers = List.of(conversation, agent, customer, message,
                description.call("GET", conversations + "/" + sid, Map.of()),
                description.call("POST", conversations + "/" + sid, Map.of("State", "inactive")),
                description.call("GET", conversations + "?PageSize=1", Map.of()),
                description.call("GET", participants + "/" + agent.json().path("sid").asText(), Map.of()),
                description.call("POST", participants + "/" + agent.json().path("sid").asText(),
                        Map.of("Attributes", "{}")),
                description.call("GET", participants, Map.of()),
                description.call("POST", messages, Map.of("MediaSid", "ME" + "0".repeat(32))),
                description.call("GET", messages + "/" + messageSid, Map.of()),
                description.call("POST", messages + "/" + messageSid, Map.of("Body", "Hello there")),
                description.call("GET", messages + "?Order=desc&PageSize=1", Map.of()),
                description.call("DELETE", messages + "/" + messageSid, Map.of()),
                description.call("DELETE", conversations + "/" + sid, Map.of()));

        assertThat(description.problems(answers)).isEmpty();
        assertThat(description.missingOrExtra(conversation, "conversations.v1.conversation")).isEmpty();
        assertThat(description.missingOrExtra(agent, "conversations.v1.conversation.conversation_participant")).isEmpty();
        assertThat(description.missingOrExtra(message, "conversations.v1.conversation.conversation_message")).isEmpty();
    }

    @Test
    void callSummariesEventsAndMetricsAreTheDescriptionsRecords() throws Exception {
        Description description = new Description("twilio_insights_v1.json", sandbox.insightsBaseUrl());
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("sid", CALL);
        call.put("from", "+15017122661");
        call.put("to", "+15558675310");
        call.put("status", "completed");
        call.put("start_time", java.time.Instant.now().minusSeconds(60).toString());
        call.put("end_time", java.time.Instant.now().toString());
        call.put("duration", "60");
        sandbox.put("Calls", call);

        Answer summary = description.call("GET", "/v1/Voice/" + CALL + "/Summary", Map.of());
        Answer summaries = description.call("GET", "/v1/Voice/Summaries", Map.of());
        Answer events = description.call("GET", "/v1/Voice/" + CALL + "/Events", Map.of());
        Answer metrics = description.call("GET", "/v1/Voice/" + CALL + "/Metrics", Map.of());

        assertThat(description.problems(List.of(summary, summaries, events, metrics))).isEmpty();
        assertThat(summaries.json().path("call_summaries")).hasSize(1);
        assertThat(description.missingOrExtra(summary, "insights.v1.call.summary")).isEmpty();
        assertThat(description.missingOrExtra(summaries.json().path("call_summaries").path(0),
                "insights.v1.call_summaries")).isEmpty();
        assertThat(description.missingOrExtra(events.json().path("events").path(0), "insights.v1.call.event")).isEmpty();
        assertThat(description.missingOrExtra(metrics.json().path("metrics").path(0), "insights.v1.call.metric")).isEmpty();
    }

    private record Answer(String method, String path, int status, String body) {

        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }

    /** One of Twilio's descriptions, and the sandbox's base URL of the product it describes. */
    private static final class Description {

        private final JsonNode document;
        private final OpenApiInteractionValidator validator;
        private final String baseUrl;

        Description(String file, String baseUrl) throws IOException {
            Path path = Path.of(System.getProperty("twilio.spec.dir", "../target/twilio-spec"),
                    "package/twilio-oai/spec/json", file);
            this.document = MAPPER.readTree(path.toFile());
            this.validator = OpenApiInteractionValidator.createForSpecificationUrl(path.toUri().toString()).build();
            this.baseUrl = baseUrl;
        }

        Answer call(String method, String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (sandbox.accountSid() + ":" + sandbox.authToken()).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(body)
                            : HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(method, path, response.statusCode(), response.body());
        }

        /** What the validator finds wrong with each answer against its operation's responses. */
        List<String> problems(List<Answer> answers) {
            List<String> problems = new ArrayList<>();
            for (Answer answer : answers) {
                SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
                if (!answer.body().isEmpty()) {
                    response.withContentType("application/json").withBody(answer.body());
                }
                String path = URI.create("http://host" + answer.path()).getPath();
                ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(answer.method()),
                        response.build());
                report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(m -> problems.add(answer.method() + " " + answer.path() + " " + answer.status() + ": "
                                + m.getMessage()));
            }
            return problems;
        }

        /** The properties of the schema the record lacks, and those it has that the schema does not define. */
        List<String> missingOrExtra(Answer answer, String schema) throws IOException {
            return missingOrExtra(answer.json(), schema);
        }

        List<String> missingOrExtra(JsonNode record, String schema) {
            TreeSet<String> described = new TreeSet<>();
            document.path("components").path("schemas").path(schema).path("properties").fieldNames()
                    .forEachRemaining(described::add);
            TreeSet<String> answered = new TreeSet<>();
            record.fieldNames().forEachRemaining(answered::add);
            List<String> differences = new ArrayList<>();
            described.stream().filter(p -> !answered.contains(p)).forEach(p -> differences.add("missing " + p));
            answered.stream().filter(p -> !described.contains(p)).forEach(p -> differences.add("not described " + p));
            return differences;
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
