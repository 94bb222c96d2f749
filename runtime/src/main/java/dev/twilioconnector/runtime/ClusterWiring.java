package dev.twilioconnector.runtime;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.runtime.state.FileMessageStatuses;
import dev.twilioconnector.runtime.state.JdbcMessageStatuses;
import dev.twilioconnector.runtime.state.NodeHeartbeat;
import dev.twilioconnector.runtime.state.SharedIdempotentRepository;
import dev.twilioconnector.runtime.state.StateDatabase;
import dev.twilioconnector.runtime.state.StateDatabaseHealthCheck;
import dev.twilioconnector.state.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

import java.nio.file.Path;
import java.util.Map;

/**
 * What lets one connection run on several nodes, bound from the settings: the cluster service
 * ({@link ClusterSettings}), route policy {@code #leaderOnly} ({@link LeaderOnly}), the state database
 * ({@link StateSettings}), the component's {@code stateRepository} (the pollers' cursors) and
 * {@code webhookIdempotentRepository}, and the beans the flows of {@code routes/} keep their state in,
 * {@code twilioIdempotentRepository} and {@code messageStatuses}: in the database when there is one, so that every
 * node sees them, and in files under {@code {{twilio.flows.dir:data}}/state/} otherwise (the webhook tokens in each
 * consumer's memory, as before).
 */
final class ClusterWiring {

    static final String IDEMPOTENT_REPOSITORY = "twilioIdempotentRepository";
    static final String MESSAGE_STATUSES = "messageStatuses";
    /** The processor names of the keys in camel-sql's table. */
    static final String FLOWS_PROCESSOR = "twilio-connector-flows";
    static final String WEBHOOK_PROCESSOR = "twilio-connector-webhook";
    /** The pollers' cursors without a state database, one file for all routes, each under its own key. */
    static final String CURSORS_FILE = "cursors.state";
    private static final int FILE_REPOSITORY_KEYS = 10_000;

    private final CamelContext context;
    private final CamelClusterService clusterService;
    private final StateDatabase database;
    private final Path stateFolder;
    private volatile ConnectionNodes nodes;

    private ClusterWiring(CamelContext context, CamelClusterService clusterService, StateDatabase database,
                          Path stateFolder) {
        this.context = context;
        this.clusterService = clusterService;
        this.database = database;
        this.stateFolder = stateFolder;
    }

    /** Binds the cluster service, {@code #leaderOnly} and the flows' beans: before camel-main configures the context. */
    static ClusterWiring bind(CamelContext context, Map<String, String> environment) {
        CamelClusterService clusterService = ClusterSettings.from(context.getPropertiesComponent(), environment).orElse(null);
        StateDatabase database = StateSettings.from(context.getPropertiesComponent(), environment).orElse(null);
        Path state = Path.of(context.getPropertiesComponent().parseUri("{{twilio.flows.dir:data}}")).resolve("state");
        ClusterWiring wiring = new ClusterWiring(context, clusterService, database, state);
        try {
            if (clusterService != null) {
                context.getRegistry().bind("twilioConnectorClusterService", clusterService);
            }
            context.getRegistry().bind(LeaderOnly.BEAN, LeaderOnly.policy(context, clusterService));
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind route policy " + LeaderOnly.BEAN + ": " + e.getMessage(), e);
        }
        context.getRegistry().bind(IDEMPOTENT_REPOSITORY, database != null
                ? new SharedIdempotentRepository(database, FLOWS_PROCESSOR) : fileRepository(state));
        context.getRegistry().bind(MESSAGE_STATUSES, database != null
                ? new JdbcMessageStatuses(database) : new FileMessageStatuses(state.resolve("message-status")));
        return wiring;
    }

    private static IdempotentRepository fileRepository(Path state) {
        return FileIdempotentRepository.fileIdempotentRepository(state.resolve("idempotent-repository.dat").toFile(),
                FILE_REPOSITORY_KEYS);
    }

    /**
     * Gives the component where its pollers keep their cursors and its webhook consumers their tokens, unless the
     * user's own settings named them, and starts this node's heartbeat: once the component is configured.
     */
    void configure(TwilioConnectorComponent component) {
        String nodeId = clusterService != null ? clusterService.getId() : ClusterSettings.hostAndPid();
        NodeHeartbeat heartbeat = null;
        if (component.getConfiguration().getStateRepository() == null) {
            component.getConfiguration().setStateRepository(database != null ? new JdbcStateRepository(database.dataSource())
                    : FileStateRepository.fileStateRepository(stateFolder.resolve(CURSORS_FILE).toFile()));
        }
        if (database != null) {
            if (component.getConfiguration().getWebhookIdempotentRepository() == null) {
                component.getConfiguration().setWebhookIdempotentRepository(new SharedIdempotentRepository(database, WEBHOOK_PROCESSOR));
            }
            heartbeat = new NodeHeartbeat(database, nodeId, () -> component.getConfiguration().getTransactionsPerSecond());
            heartbeat.setCamelContext(context);
        }
        nodes = new ConnectionNodes(nodeId, clusterService, heartbeat, () -> component.getConfiguration().getTransactionsPerSecond());
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new NodesHealthCheck(nodes));
            if (database != null) {
                health.register(new StateDatabaseHealthCheck(database));
            }
        }
        if (heartbeat != null) {
            startWithTheContext(heartbeat);
        }
    }

    /** Starts the heartbeat once the context runs, and stops it and then the database's pool with the context. */
    private void startWithTheContext(NodeHeartbeat heartbeat) {
        try {
            context.addStartupListener((camel, alreadyStarted) -> {
                camel.addService(database, true, true);
                camel.addService(heartbeat, true, true);
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the node's heartbeat: " + e.getMessage(), e);
        }
    }

    ConnectionNodes nodes() {
        return nodes;
    }
}
