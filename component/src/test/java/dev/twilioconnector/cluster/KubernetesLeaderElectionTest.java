package dev.twilioconnector.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel's Kubernetes cluster service, as the runner binds it from {@code camel.cluster.kubernetes.*}, on three nodes
 * against fabric8's mock API server in CRUD mode: the only thing not real here is Kubernetes. Each node is a
 * CamelContext with its own {@link KubernetesClusterService} and a Running, Ready pod carrying the cluster labels,
 * as a Deployment's pods would.
 */
class KubernetesLeaderElectionTest {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLeaderElectionTest.class);

    private static final String NAMESPACE = "twilio";
    private static final Map<String, String> CLUSTER_LABELS = Map.of("app", "twilio-connector");
    private static final String CLUSTER_NAMESPACE = "forward-inbound-sms";
    private static final long LEASE_DURATION_MILLIS = 2000;
    private static final long RENEW_DEADLINE_MILLIS = 1000;
    private static final long RETRY_PERIOD_MILLIS = 200;
    /** A takeover waits for the lease duration after acquiring it; the rest is margin for a loaded 2-core box. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofMillis(LEASE_DURATION_MILLIS).plusSeconds(10);

    /** The mock API server logs every request through java.util.logging at INFO; held so the level sticks. */
    private static final java.util.logging.Logger API_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        API_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private KubernetesMockServer apiServer;
    private KubernetesClient kubernetes;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void startApiServer() {
        apiServer = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        apiServer.init();
        kubernetes = apiServer.createClient();
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(Node::stop);
        kubernetes.close();
        apiServer.destroy();
    }

    @Test
    void oneNodeLeadsAndAnotherTakesOverWhenTheLeadersPodIsDeleted() throws Exception {
        for (String pod : List.of("twilio-connector-a", "twilio-connector-b", "twilio-connector-c")) {
            nodes.add(startNode(pod));
        }

        Node leader = awaitOneLeader(nodes, Duration.ofSeconds(30));
        assertThat(leaseHolder()).contains(leader.pod);
        assertThat(nodes).allSatisfy(node -> assertThat(node.leaderSeen()).contains(leader.pod));

        long deleted = System.nanoTime();
        kubernetes.pods().inNamespace(NAMESPACE).withName(leader.pod).delete();
        leader.stop();
        List<Node> survivors = nodes.stream().filter(node -> node != leader).toList();
        Node next = awaitOneLeader(survivors, TAKEOVER_LIMIT);
        Duration takeover = Duration.ofNanos(System.nanoTime() - deleted);
        LOG.warn("Kubernetes Lease takeover: {} ms from deleting the leader's pod {} to {} leading {} (lease duration {} ms)",
                takeover.toMillis(), leader.pod, next.pod, CLUSTER_NAMESPACE, LEASE_DURATION_MILLIS);

        assertThat(next.pod).isNotEqualTo(leader.pod);
        assertThat(leaseHolder()).contains(next.pod);
        assertThat(survivors).allSatisfy(node -> assertThat(node.leaderSeen()).contains(next.pod));
        // the new leader waits one lease duration before it acts, so that the old one has stopped
        assertThat(takeover).isGreaterThanOrEqualTo(Duration.ofMillis(LEASE_DURATION_MILLIS));
    }

    private Node startNode(String pod) throws Exception {
        kubernetes.pods().inNamespace(NAMESPACE).resource(runningAndReady(pod)).create();

        // Camel 4.18 copies the master URL and namespace into the client's settings only when the service was given a
        // KubernetesConfiguration: with the no-argument constructor both are silently dropped
        KubernetesClusterService cluster = new KubernetesClusterService(new KubernetesConfiguration());
        cluster.setMasterUrl(apiServer.url("/"));
        cluster.setKubernetesNamespace(NAMESPACE);
        cluster.setPodName(pod);
        cluster.setClusterLabels(CLUSTER_LABELS);
        cluster.setLeaseDurationMillis(LEASE_DURATION_MILLIS);
        cluster.setRenewDeadlineMillis(RENEW_DEADLINE_MILLIS);
        cluster.setRetryPeriodMillis(RETRY_PERIOD_MILLIS);

        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(pod);
        camel.addService(cluster);
        camel.start();
        Node node = new Node(pod, camel, cluster);
        // a view exists once something asks for its namespace, as a leader-only consumer does
        cluster.getView(CLUSTER_NAMESPACE);
        return node;
    }

    private static Pod runningAndReady(String name) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(CLUSTER_LABELS).endMetadata()
                .withNewSpec().addNewContainer().withName("runner").withImage("twilio-connector-runtime:0.1.0").endContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus()
                .build();
    }

    /** The one node whose cluster service says it leads, once every given node agrees on it. */
    private static Node awaitOneLeader(List<Node> candidates, Duration limit) {
        return await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Node> leaders = candidates.stream().filter(Node::leads).toList();
            if (leaders.size() != 1) {
                return null;
            }
            Node leader = leaders.get(0);
            boolean agreed = candidates.stream().allMatch(node -> node.leaderSeen().equals(Optional.of(leader.pod)));
            return agreed ? leader : null;
        }, Objects::nonNull);
    }

    /** The holder of the Lease the nodes of this namespace compete for, as Kubernetes keeps it. */
    private Optional<String> leaseHolder() {
        List<Lease> leases = kubernetes.leases().inNamespace(NAMESPACE).list().getItems();
        assertThat(leases).hasSize(1);
        return Optional.ofNullable(leases.get(0).getSpec().getHolderIdentity());
    }

    private static final class Node {
        final String pod;
        final CamelContext camel;
        final KubernetesClusterService cluster;

        Node(String pod, CamelContext camel, KubernetesClusterService cluster) {
            this.pod = pod;
            this.camel = camel;
            this.cluster = cluster;
        }

        boolean leads() {
            return camel.isStarted() && view().getLocalMember().isLeader();
        }

        Optional<String> leaderSeen() {
            return view().getLeader().map(CamelClusterMember::getId);
        }

        private CamelClusterView view() {
            try {
                return cluster.getView(CLUSTER_NAMESPACE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            camel.stop();
        }
    }
}
