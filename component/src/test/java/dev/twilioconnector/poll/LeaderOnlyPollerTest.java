package dev.twilioconnector.poll;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.state.JdbcStateRepository;
import dev.twilioconnector.support.EmbeddedDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (two CamelContexts, each with its own file-lock cluster service on one shared folder) run the same
 * poller route on one sandbox, with their cursors in one PostgreSQL: only the leader delivers, and when it stops
 * the other takes over from the shared cursor.
 */
class LeaderOnlyPollerTest {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderOnlyPollerTest.class);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    private static final String POLLER = "twilio-connector:Messages/List?filterClause=RAW(Direction = 'inbound')&delay=100";

    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    private static TwilioSandbox sandbox;

    @TempDir
    Path clusterRoot;

    private final List<CamelContext> nodes = new ArrayList<>();

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void startAfresh() throws Exception {
        sandbox.reset();
        database.execute("DROP TABLE IF EXISTS " + JdbcStateRepository.DEFAULT_TABLE);
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(CamelContext::stop);
    }

    @Test
    void onlyTheLeaderDeliversAndTheOtherNodeTakesOverFromTheSharedCursor() throws Exception {
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seeded.add(putMessage("inbound", i));
            putMessage("outbound-api", i);
        }
        Node a = new Node("node-a", POLLER);
        Node b = new Node("node-b", POLLER);

        await().atMost(Duration.ofSeconds(30)).until(() -> a.delivered.size() + b.delivered.size() >= seeded.size());
        Thread.sleep(1_000);

        Node leader = a.delivered.isEmpty() ? b : a;
        Node follower = leader == a ? b : a;
        assertThat(leader.delivered).containsExactlyElementsOf(seeded);
        assertThat(follower.delivered).isEmpty();

        long stoppedAt = System.nanoTime();
        leader.camel.stop();
        List<String> later = new ArrayList<>();
        for (int i = 10; i < 14; i++) {
            later.add(putMessage("inbound", i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> follower.delivered.size() >= later.size());
        Thread.sleep(1_000);

        long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(follower.firstDelivery.get() - stoppedAt);
        LOG.warn("Takeover: {} ms from stopping the leader to the other node's first delivery (file lock, acquireLockInterval"
                + " 200 ms, poll delay 100 ms)", takeoverMillis);
        assertThat(follower.delivered).containsExactlyElementsOf(later);
        assertThat(leader.delivered).containsExactlyElementsOf(seeded);
        assertThat(follower.redelivered).isEmpty();
    }

    @Test
    void clusteredFalsePollsOnEveryNodeEvenWithAClusterService() throws Exception {
        List<String> seeded = List.of(putMessage("inbound", 0), putMessage("inbound", 1));
        Node a = new Node("node-a", POLLER + "&clustered=false&stateKey=a");
        Node b = new Node("node-b", POLLER + "&clustered=false&stateKey=b");

        await().atMost(Duration.ofSeconds(30)).until(() -> a.delivered.size() + b.delivered.size() >= 2 * seeded.size());
        Thread.sleep(500);

        assertThat(a.delivered).containsExactlyElementsOf(seeded);
        assertThat(b.delivered).containsExactlyElementsOf(seeded);
    }

    /** Stores a message sent {@code second} seconds after T0; its SID. */
    private static String putMessage(String direction, int second) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("direction", direction);
        fields.put("body", direction + " " + second);
        fields.put("status", direction.equals("inbound") ? "received" : "sent");
        fields.put("date_sent", T0.plusSeconds(second));
        return String.valueOf(sandbox.put("Messages", fields).get("sid"));
    }

    /** One node of the connection: its own CamelContext and cluster service, the shared folder and database. */
    private final class Node {

        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        final List<String> redelivered = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong firstDelivery = new AtomicLong();
        final CamelContext camel = new DefaultCamelContext();

        Node(String id, String uri) throws Exception {
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(id);
            cluster.setRoot(clusterRoot.toString());
            cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
            camel.addService(cluster);
            TwilioConnectorComponent component = new TwilioConnectorComponent();
            component.setAccountSid(sandbox.accountSid());
            component.setAuthToken(sandbox.authToken());
            component.setBaseUrl(sandbox.baseUrl());
            component.setStateRepository(new JdbcStateRepository(database.dataSource()));
            camel.addComponent("twilio-connector", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("inbound-messages").process(exchange -> {
                        firstDelivery.compareAndSet(0, System.nanoTime());
                        String sid = String.valueOf(exchange.getMessage().getBody(Map.class).get("Sid"));
                        delivered.add(sid);
                        if (exchange.getMessage().getHeader(TwilioConnectorConstants.REDELIVERED, Boolean.class)) {
                            redelivered.add(sid);
                        }
                    });
                }
            });
            nodes.add(camel);
            camel.start();
        }
    }
}
