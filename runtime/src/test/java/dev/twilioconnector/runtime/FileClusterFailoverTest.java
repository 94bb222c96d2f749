package dev.twilioconnector.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two runners as two processes on one machine with the file cluster service on one shared folder, running the
 * nightly export under {@code routePolicy: "#leaderOnly"}: one leads namespace twilio-connector and exports, the
 * other follows, ready all the same; killed with kill -9, the leader is followed by the other within the file lock's
 * takeover time, about six acquire-lock intervals.
 */
class FileClusterFailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMESPACE = "twilio-connector";
    /** The shared folder's lock is tried every second: the takeover is due within about 6 s. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void oneNodeLeadsAndAnotherTakesOverWhenItIsKilled() throws Exception {
        Path root = Files.createDirectories(dir.resolve("cluster"));
        try (RunnerProcess first = start("node-a", root); RunnerProcess second = start("node-b", root)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> serving(first) && serving(second) && leaderOf(first, second) != null);
            RunnerProcess leader = leaderOf(first, second);
            RunnerProcess follower = leader == first ? second : first;
            String leaderId = leader == first ? "node-a" : "node-b";
            String followerId = leader == first ? "node-b" : "node-a";

            JsonNode leaderState = connection(leader);
            JsonNode followerState = connection(follower);
            assertThat(leaderState.get("node").asText()).isEqualTo(leaderId);
            assertThat(leaderState.get("leadership")).isEqualTo(JSON.readTree("{\"" + NAMESPACE + "\":true}"));
            assertThat(leaderState.get("nodesSeen")).extracting(JsonNode::asText).contains(leaderId);
            assertThat(followerState.get("node").asText()).isEqualTo(followerId);
            assertThat(followerState.get("leadership")).isEqualTo(JSON.readTree("{\"" + NAMESPACE + "\":false}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(yesterdaysExport(leaderId)));
            HttpResponse<String> followerReady = follower.get("/observe/health/ready");
            assertThat(followerReady.statusCode()).as("a follower's readiness: %s", followerReady.body()).isEqualTo(200);
            assertThat(yesterdaysExport(followerId)).as("the follower runs no leader-only flow").doesNotExist();

            long killed = System.nanoTime();
            leader.kill();
            await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> connection(follower).path("leadership").path(NAMESPACE).asBoolean());
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            System.out.println("File lock takeover after kill -9 of the leader: " + takeover.toMillis()
                    + " ms (acquire-lock-interval 1 s)");

            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(yesterdaysExport(followerId)));
            assertThat(follower.isAlive()).isTrue();
        }
    }

    private RunnerProcess start(String id, Path root) throws Exception {
        Path home = Files.createDirectories(dir.resolve(id));
        return RunnerProcess.start(home, List.of(
                "-Dcamel.cluster.file.enabled=true",
                "-Dcamel.cluster.file.root=" + root,
                "-Dcamel.cluster.file.id=" + id,
                "-Dcamel.cluster.file.acquire-lock-interval=1s",
                "-Dtwilio.flows.dir=" + home.resolve("data")), Map.of(),
                "--routes=file:" + RunningRuntime.ROUTES + "/nightly-calls-export.yaml");
    }

    /** The runner that says it leads the namespace, or null while none does (or none answers yet). */
    private static RunnerProcess leaderOf(RunnerProcess... runners) {
        for (RunnerProcess runner : runners) {
            try {
                if (connection(runner).path("leadership").path(NAMESPACE).asBoolean()) {
                    return runner;
                }
            } catch (Exception notYetServing) {
                // still starting
            }
        }
        return null;
    }

    private static boolean serving(RunnerProcess runner) {
        try {
            return runner.get("/connection").statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static JsonNode connection(RunnerProcess runner) throws Exception {
        return JSON.readTree(runner.get("/connection").body());
    }

    private Path yesterdaysExport(String node) {
        return dir.resolve(node).resolve("data/calls-export/calls-" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ".jsonl");
    }
}
