package dev.twilioconnector.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twilioconnector.support.KubernetesApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runner's {@code camel.cluster.kubernetes.*} settings taking effect: two runners in this JVM, each given its pod's
 * name, the pods' namespace, the cluster labels, short lease timings and the URL of fabric8's mock API server in CRUD
 * mode (the only thing not real here is Kubernetes), running the nightly export under {@code #leaderOnly}. One leads
 * namespace twilio-connector, holds the Lease in the pods' namespace and exports; once it is stopped and its pod
 * deleted, the other takes the Lease over within a few lease durations and exports in its turn. A service that
 * dropped the master URL or the namespace would find no API server, or the Lease in another namespace, and elect none.
 */
class KubernetesClusterRunnerTest {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesClusterRunnerTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String NAMESPACE = "twilio";
    private static final Map<String, String> CLUSTER_LABELS = Map.of("app", "twilio-connector", "component", "runner");
    private static final String POD_A = "twilio-connector-a";
    private static final String POD_B = "twilio-connector-b";
    /** A pod of the namespace without the cluster labels: no member of the election. */
    private static final String OTHER_POD = "another-app";
    private static final long LEASE_DURATION_MILLIS = 2000;
    private static final long RENEW_DEADLINE_MILLIS = 1000;
    private static final long RETRY_PERIOD_MILLIS = 200;
    /** A takeover waits for the old Lease to expire; the rest is margin for a loaded 2-core box. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofMillis(LEASE_DURATION_MILLIS).plusSeconds(10);
    private static final String ROUTES = "file:" + RunningRuntime.ROUTES + "/nightly-calls-export.yaml";


    @RegisterExtension
    final KubernetesApi kubernetes = new KubernetesApi();
    private final List<RunningRuntime> running = new ArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(RunningRuntime::close);
    }

    @Test
    void onePodLeadsThroughItsLeaseAndAnotherTakesOverWhenItsPodIsDeleted() throws Exception {
        kubernetes.runningAndReadyPod(NAMESPACE, POD_A, CLUSTER_LABELS);
        kubernetes.runningAndReadyPod(NAMESPACE, POD_B, CLUSTER_LABELS);
        kubernetes.runningAndReadyPod(NAMESPACE, OTHER_POD, Map.of("app", "another-app"));
        RunningRuntime a = start(POD_A);
        RunningRuntime b = start(POD_B);

        RunningRuntime leader = await("one runner leading " + LeaderOnly.NAMESPACE + " through a Lease in namespace "
                + NAMESPACE + " of the API server at " + kubernetes.url())
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> theOneLeader(a, b), Objects::nonNull);
        RunningRuntime follower = leader == a ? b : a;
        String leaderPod = leader == a ? POD_A : POD_B;
        String followerPod = leader == a ? POD_B : POD_A;

        JsonNode leaderState = connection(leader);
        JsonNode followerState = connection(follower);
        assertThat(leaderState.get("node").asText()).isEqualTo(leaderPod);
        assertThat(leaderState.get("leadership")).isEqualTo(JSON.readTree("{\"" + LeaderOnly.NAMESPACE + "\":true}"));
        assertThat(followerState.get("node").asText()).isEqualTo(followerPod);
        assertThat(followerState.get("leadership")).isEqualTo(JSON.readTree("{\"" + LeaderOnly.NAMESPACE + "\":false}"));
        // the members are the namespace's pods that carry the cluster labels
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(nodesSeen(leader)).containsExactly(POD_A, POD_B);
            assertThat(nodesSeen(follower)).containsExactly(POD_A, POD_B);
        });
        Lease lease = theLease();
        assertThat(lease.getMetadata().getName()).isEqualTo("leaders-" + LeaderOnly.NAMESPACE);
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leaderPod);
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo((int) (LEASE_DURATION_MILLIS / 1000));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(yesterdaysExport(leader)));
        assertThat(yesterdaysExport(follower)).as("the follower runs no leader-only flow").doesNotExist();

        long stopped = System.nanoTime();
        leader.close();
        running.remove(leader);
        kubernetes.deletePod(NAMESPACE, leaderPod);
        await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(100))
                .until(() -> connection(follower).path("leadership").path(LeaderOnly.NAMESPACE).asBoolean());
        Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);
        LOG.warn("Kubernetes Lease takeover in the runner: {} ms from stopping {} and deleting its pod to {} leading"
                + " (lease duration {} ms, retry period {} ms)", takeover.toMillis(), leaderPod, followerPod,
                LEASE_DURATION_MILLIS, RETRY_PERIOD_MILLIS);

        assertThat(theLease().getSpec().getHolderIdentity()).isEqualTo(followerPod);
        await().atMost(Duration.ofSeconds(10)).until(() -> nodesSeen(follower).equals(List.of(followerPod)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(yesterdaysExport(follower)));
    }

    private RunningRuntime start(String pod) throws Exception {
        RunningRuntime runner = RunningRuntime.start(ROUTES, Map.of(
                "camel.cluster.kubernetes.enabled", "true",
                "camel.cluster.kubernetes.namespace", NAMESPACE,
                "camel.cluster.kubernetes.pod-name", pod,
                "camel.cluster.kubernetes.master-url", kubernetes.url(),
                "camel.cluster.kubernetes.cluster-labels", "app=twilio-connector,component=runner",
                "camel.cluster.kubernetes.lease-duration-millis", Long.toString(LEASE_DURATION_MILLIS),
                "camel.cluster.kubernetes.renew-deadline-millis", Long.toString(RENEW_DEADLINE_MILLIS),
                "camel.cluster.kubernetes.retry-period-millis", Long.toString(RETRY_PERIOD_MILLIS)));
        running.add(runner);
        return runner;
    }


    /** The runner whose {@code GET /connection} says it leads, once exactly one does and the other says it does not. */
    private static RunningRuntime theOneLeader(RunningRuntime a, RunningRuntime b) throws Exception {
        JsonNode leadsA = connection(a).path("leadership").path(LeaderOnly.NAMESPACE);
        JsonNode leadsB = connection(b).path("leadership").path(LeaderOnly.NAMESPACE);
        if (!leadsA.isBoolean() || !leadsB.isBoolean() || leadsA.asBoolean() == leadsB.asBoolean()) {
            return null;
        }
        return leadsA.asBoolean() ? a : b;
    }

    /** The one Lease in the pods' namespace, as the API server keeps it. */
    private Lease theLease() {
        List<Lease> leases = kubernetes.leases(NAMESPACE);
        assertThat(leases).hasSize(1);
        return leases.get(0);
    }

    private static JsonNode connection(RunningRuntime runner) throws Exception {
        return JSON.readTree(runner.get("/connection").body());
    }

    private static List<String> nodesSeen(RunningRuntime runner) throws Exception {
        return StreamSupport.stream(connection(runner).path("nodesSeen").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Path yesterdaysExport(RunningRuntime runner) {
        return runner.flowsDir().resolve("calls-export/calls-" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ".jsonl");
    }
}
