package dev.twilioconnector.nodes;

import dev.twilioconnector.support.EmbeddedDatabase;
import org.apache.camel.test.AvailablePortFinder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * One connection on several nodes, all on this machine, as the README's "Running on several nodes" starts them: a
 * standalone sandbox in place of the Twilio account, an embedded PostgreSQL for the state every node must see, a
 * shared folder for the file cluster service and the flows' output, and one runner JVM per node from the packaged jar.
 */
final class ConnectionOfNodes implements AutoCloseable {

    /** How often a node tries the leader's lock; a dead leader's lock is taken over after about six of these. */
    static final Duration ACQUIRE_LOCK_INTERVAL = Duration.ofMillis(500);
    static final String PUBLIC_URL = "https://connector.example.com";

    private final Path dir;
    private final String jdbcUrl;
    private final SandboxProcess sandbox;
    private final String routes;
    private final Map<String, String> extraSettings;
    private final List<RunnerNode> nodes = new ArrayList<>();

    private ConnectionOfNodes(Path dir, String jdbcUrl, SandboxProcess sandbox, String routes,
                              Map<String, String> extraSettings) {
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
        this.sandbox = sandbox;
        this.routes = routes;
        this.extraSettings = extraSettings;
    }

    /**
     * @param database      the state database the nodes share, empty
     * @param routes        the runner's {@code --routes} pattern
     * @param extraSettings more {@code -D} settings for every node; {@code {node}} in a value becomes the node's id
     */
    static ConnectionOfNodes start(Path dir, EmbeddedDatabase database, int count, String routes,
                                   Map<String, String> extraSettings) throws Exception {
        Files.createDirectories(dir.resolve("shared"));
        ConnectionOfNodes connection = new ConnectionOfNodes(dir, database.jdbcUrl(), SandboxProcess.start(dir), routes,
                extraSettings);
        try {
            for (int i = 1; i <= count; i++) {
                connection.startNode("node-" + i);
            }
            return connection;
        } catch (Exception | Error e) {
            connection.close();
            throw e;
        }
    }

    RunnerNode startNode(String id) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.cluster.file.enabled", "true");
        settings.put("camel.cluster.file.root", dir.resolve("shared/cluster").toString());
        settings.put("camel.cluster.file.id", id);
        settings.put("camel.cluster.file.acquire-lock-interval", String.valueOf(ACQUIRE_LOCK_INTERVAL.toMillis()));
        settings.put("twilio.state.jdbc-url", jdbcUrl);
        settings.put("twilio.state.username", EmbeddedDatabase.USER);
        settings.put("twilio.state.password", "not-checked-by-the-embedded-database");
        settings.put("twilio.baseUrl", sandbox.baseUrl());
        settings.put("twilio.flows.public-url", PUBLIC_URL);
        settings.put("twilio.flows.dir", dir.resolve("shared/data").toString());
        extraSettings.forEach((key, value) -> settings.put(key, value.replace("{node}", id)));
        RunnerNode node = RunnerNode.start(id, AvailablePortFinder.getNextAvailable(), dir.resolve(id), settings,
                Map.of("TWILIO_ACCOUNT_SID", sandbox.accountSid(), "TWILIO_AUTH_TOKEN", sandbox.authToken()), routes);
        nodes.add(node);
        return node;
    }

    /** Waits until every node answers {@code GET /connection}. */
    void awaitStarted() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> nodes.stream()
                .allMatch(node -> !node.isAlive() || node.connection() != null));
        nodes.forEach(node -> {
            if (!node.isAlive()) {
                throw new AssertionError(node + " stopped at start-up:\n" + node.log());
            }
        });
    }

    /** The node that leads {@code namespace}, once exactly one living node does. */
    RunnerNode awaitLeader(String namespace, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> living().stream()
                .filter(node -> node.leads(namespace)).count() == 1);
        return leader(namespace).orElseThrow();
    }

    Optional<RunnerNode> leader(String namespace) {
        return living().stream().filter(node -> node.leads(namespace)).findFirst();
    }

    List<RunnerNode> living() {
        return nodes.stream().filter(RunnerNode::isAlive).toList();
    }

    List<RunnerNode> nodes() {
        return nodes;
    }

    SandboxProcess sandbox() {
        return sandbox;
    }

    Path shared(String folder) {
        return dir.resolve("shared/data").resolve(folder);
    }

    @Override
    public void close() throws Exception {
        try {
            for (RunnerNode node : nodes) {
                node.close();
            }
        } finally {
            sandbox.close();
        }
    }
}
