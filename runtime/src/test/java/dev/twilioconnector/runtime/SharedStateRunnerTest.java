package dev.twilioconnector.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.support.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runners with a state database (twilio.state.*): their readiness follows the database, and they see each other. */
class SharedStateRunnerTest {

    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTES = "file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml";

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpByItselfOnceItAnswers(@TempDir Path dataDirectory) throws Exception {
        int port = RunningRuntime.freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        String password = "pw-" + UUID.randomUUID();
        try (RunningRuntime runner = RunningRuntime.start(ROUTES, Map.of("twilio.state.jdbc-url", url,
                "twilio.state.username", EmbeddedDatabase.USER, "twilio.state.password", password))) {
            HttpResponse<String> down = runner.get("/observe/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            // Camel's health output escapes the slashes of the URL, twice
            assertThat(down.body().replace("\\", "")).contains("The state database " + url + " is unreachable: Connection refused").doesNotContain(password);
            assertThat(runner.get("/observe/health/live").statusCode()).isEqualTo(200);

            try (EmbeddedPostgres started = postgres(port, dataDirectory)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> runner.get("/observe/health/ready").statusCode() == 200);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> runner.get("/observe/health/ready").statusCode() == 503);
            try (EmbeddedPostgres restarted = postgres(port, dataDirectory)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> runner.get("/observe/health/ready").statusCode() == 200);
                assertThat(runner.get("/observe/health/ready").body()).doesNotContain(password);
            }
        }
    }

    @Test
    void eachNodeSeesTheNodesThatShareTheDatabaseAndTheRateTheyGiveTogether(@TempDir Path dir) throws Exception {
        try (RunningRuntime first = start("node-a", dir); RunningRuntime second = start("node-b", dir)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> nodesSeen(first).size() == 2 && nodesSeen(second).size() == 2);

            JsonNode state = JSON.readTree(first.get("/connection").body());
            assertThat(state.get("node").asText()).isEqualTo("node-a");
            assertThat(nodesSeen(first)).containsExactly("node-a", "node-b");
            assertThat(nodesSeen(second)).containsExactly("node-a", "node-b");
            assertThat(state.get("capacity").get("currentTransactionsPerSecond").asInt()).isEqualTo(50);
            assertThat(state.get("capacity").get("minTransactionsPerSecond").asInt()).isEqualTo(50);
            assertThat(first.get("/observe/health?data=true").body())
                    .containsPattern("\"nodes.seen\": ?\"node-a,node-b\"")
                    .containsPattern("\"capacity.transactions.per.second.current\": ?\"?50\\b");
        }
    }

    /** A runner with its own file cluster folder, so that it is named {@code id}, on the test class's database. */
    private static RunningRuntime start(String id, Path dir) throws Exception {
        return RunningRuntime.start(ROUTES, Map.of(
                "camel.cluster.file.enabled", "true",
                "camel.cluster.file.root", dir.resolve(id).toString(),
                "camel.cluster.file.id", id,
                "twilio.state.jdbc-url", database.jdbcUrl(),
                "twilio.state.username", EmbeddedDatabase.USER));
    }

    private static List<String> nodesSeen(RunningRuntime runner) throws Exception {
        JsonNode seen = JSON.readTree(runner.get("/connection").body()).get("nodesSeen");
        return seen == null ? List.of() : java.util.stream.StreamSupport.stream(seen.spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private static EmbeddedPostgres postgres(int port, Path dataDirectory) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }
}
