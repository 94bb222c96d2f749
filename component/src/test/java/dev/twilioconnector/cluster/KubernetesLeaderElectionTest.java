package dev.twilioconnector.cluster;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.state.JdbcStateRepository;
import dev.twilioconnector.support.KubernetesApi;
import dev.twilioconnector.support.EmbeddedDatabase;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.twilioconnector.support.SandboxTestSupport.sandboxConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel's Kubernetes cluster service, as the runner binds it from {@code camel.cluster.kubernetes.*}, on three nodes
 * against fabric8's mock API server in CRUD mode: the only thing not real here is Kubernetes. Each node is a
 * CamelContext with its own {@link KubernetesClusterService}, a Running, Ready pod carrying the cluster labels, as a
 * Deployment's pods would, and the same inbound-SMS poller against the sandbox, its cursor in one PostgreSQL
 * database that every node reaches through its own pool: the poller runs on the leader only, and when the leader's
 * pod goes another node continues from the shared cursor.
 */
class KubernetesLeaderElectionTest {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLeaderElectionTest.class);

    private static final String NAMESPACE = "twilio";
    private static final Map<String, String> CLUSTER_LABELS = Map.of("app", "twilio-connector");
    private static final String CLUSTER_NAMESPACE = "forward-inbound-sms";
    private static final long LEASE_DURATION_MILLIS = 2000;
    private static final long RENEW_DEADLINE_MILLIS = 1000;
    private static final long RETRY_PERIOD_MILLIS = 200;
    private static final long POLL_DELAY_MILLIS = 100;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
    /** A takeover waits for the lease duration after acquiring it; the rest is margin for a loaded 2-core box. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofMillis(LEASE_DURATION_MILLIS).plusSeconds(10);


    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    private static TwilioSandbox sandbox;

    @RegisterExtension
    final KubernetesApi kubernetes = new KubernetesApi();
    private final List<Node> nodes = new ArrayList<>();
    /** Each delivered record's SID with the pod of the node that delivered it, in delivery order. */
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(Node::stop);
    }

    @Test
    void oneNodePollsAndAnotherContinuesFromTheSharedCursorWhenTheLeadersPodIsDeleted() throws Exception {
        List<String> before = putInboundMessages(5, 0);
        putMessage("outbound", "not for the poller", NOW.minusSeconds(50));
        for (String pod : List.of("twilio-connector-a", "twilio-connector-b", "twilio-connector-c")) {
            nodes.add(startNode(pod));
        }

        Node leader = awaitOneLeader(nodes, Duration.ofSeconds(30));
        assertThat(leaseHolder()).contains(leader.pod);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() >= before.size());
        Thread.sleep(3 * POLL_DELAY_MILLIS);
        assertThat(deliveries).containsExactlyElementsOf(deliveredBy(leader.pod, before));

        long deleted = System.nanoTime();
        kubernetes.deletePod(NAMESPACE, leader.pod);
        leader.stop();
        List<String> after = putInboundMessages(4, 10);
        List<Node> survivors = nodes.stream().filter(node -> node != leader).toList();
        Node next = awaitOneLeader(survivors, TAKEOVER_LIMIT);
        await().atMost(TAKEOVER_LIMIT).until(() -> deliveries.size() >= before.size() + after.size());
        Duration takeover = Duration.ofNanos(System.nanoTime() - deleted);
        LOG.warn("Kubernetes Lease takeover: {} ms from deleting the leader's pod {} to {} delivering the {} messages that"
                        + " came meanwhile (lease duration {} ms, retry period {} ms)",
                takeover.toMillis(), leader.pod, next.pod, after.size(), LEASE_DURATION_MILLIS, RETRY_PERIOD_MILLIS);
        Thread.sleep(3 * POLL_DELAY_MILLIS);

        assertThat(next.pod).isNotEqualTo(leader.pod);
        assertThat(leaseHolder()).contains(next.pod);
        List<Delivery> expected = new ArrayList<>(deliveredBy(leader.pod, before));
        expected.addAll(deliveredBy(next.pod, after));
        assertThat(deliveries).containsExactlyElementsOf(expected);
        // the new leader waits one lease duration before it acts, so that the old one has stopped
        assertThat(takeover).isGreaterThanOrEqualTo(Duration.ofMillis(LEASE_DURATION_MILLIS));
    }

    private Node startNode(String pod) throws Exception {
        kubernetes.runningAndReadyPod(NAMESPACE, pod, CLUSTER_LABELS);

        // Camel 4.18 copies the master URL and namespace into the client's settings only when the service was given a
        // KubernetesConfiguration: with the no-argument constructor both are silently dropped
        KubernetesClusterService cluster = new KubernetesClusterService(new KubernetesConfiguration());
        cluster.setMasterUrl(kubernetes.url());
        cluster.setKubernetesNamespace(NAMESPACE);
        cluster.setPodName(pod);
        cluster.setClusterLabels(CLUSTER_LABELS);
        cluster.setLeaseDurationMillis(LEASE_DURATION_MILLIS);
        cluster.setRenewDeadlineMillis(RENEW_DEADLINE_MILLIS);
        cluster.setRetryPeriodMillis(RETRY_PERIOD_MILLIS);

        TwilioConnectorComponent twilio = sandboxConnection(sandbox);
        twilio.getConfiguration().setStateRepository(new JdbcStateRepository(database.dataSource()));

        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(pod);
        camel.addService(cluster);
        camel.addComponent("twilio-connector", twilio);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("twilio-connector:Messages/List?filterClause=Direction = 'inbound'&delay=" + POLL_DELAY_MILLIS)
                        .routeId(CLUSTER_NAMESPACE)
                        .process(exchange -> deliveries.add(new Delivery(
                                String.valueOf(exchange.getMessage().getBody(Map.class).get("Sid")), pod)));
            }
        });
        camel.start();
        return new Node(pod, camel, cluster);
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

    private static List<String> putInboundMessages(int count, int firstSecond) {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sids.add(putMessage("inbound", "inbound " + (firstSecond + i), NOW.plusSeconds(firstSecond + i)));
        }
        return sids;
    }

    private static String putMessage(String direction, String body, Instant sent) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("direction", direction);
        fields.put("body", body);
        fields.put("status", direction.equals("inbound") ? "received" : "sent");
        fields.put("date_sent", sent);
        return String.valueOf(sandbox.put("Messages", fields).get("sid"));
    }

    private static List<Delivery> deliveredBy(String pod, List<String> sids) {
        return sids.stream().map(sid -> new Delivery(sid, pod)).toList();
    }

    private record Delivery(String sid, String pod) {
    }

    /** The holder of the Lease the nodes of this namespace compete for, as Kubernetes keeps it. */
    private Optional<String> leaseHolder() {
        List<Lease> leases = kubernetes.leases(NAMESPACE);
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
