package dev.twilioconnector.runtime.state;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * This node's line in {@code twilio_connector_nodes}: written every {@link #INTERVAL} with its rate, so that every
 * node knows the nodes of the connection and the rate they give together, whatever cluster service elects the
 * leaders (a file lock shows each node only itself and the leader). A node counts as seen while its last heartbeat
 * is at most three intervals old, by the database's clock, so the nodes' clocks need not agree.
 */
public final class NodeHeartbeat extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final String TABLE = "CREATE TABLE IF NOT EXISTS twilio_connector_nodes (node_id VARCHAR(255) PRIMARY KEY,"
            + " last_seen TIMESTAMP WITH TIME ZONE NOT NULL, transactions_per_second INTEGER NOT NULL)";
    private static final String UPSERT = "INSERT INTO twilio_connector_nodes (node_id, last_seen, transactions_per_second)"
            + " VALUES (?, now(), ?) ON CONFLICT (node_id) DO UPDATE SET last_seen = EXCLUDED.last_seen,"
            + " transactions_per_second = EXCLUDED.transactions_per_second";
    private static final String SEEN = "SELECT node_id FROM twilio_connector_nodes WHERE last_seen > now() - ? * INTERVAL"
            + " '1 millisecond' ORDER BY node_id";

    private final StateDatabase database;
    private final String nodeId;
    private final IntSupplier transactionsPerSecond;
    private CamelContext camelContext;
    private ScheduledExecutorService executor;
    private volatile List<String> seen = List.of();

    public NodeHeartbeat(StateDatabase database, String nodeId, IntSupplier transactionsPerSecond) {
        this.database = database;
        this.nodeId = nodeId;
        this.transactionsPerSecond = transactionsPerSecond;
    }

    /** The nodes whose heartbeat is recent, as of the last beat; empty while the database is unreachable. */
    public List<String> nodesSeen() {
        return seen;
    }

    @Override
    protected void doStart() {
        executor = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "NodeHeartbeat");
        executor.scheduleWithFixedDelay(this::beat, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (executor != null) {
            camelContext.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    private void beat() {
        try {
            database.ensureSchema();
            try (Connection connection = database.dataSource().getConnection()) {
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    upsert.setString(1, nodeId);
                    upsert.setInt(2, transactionsPerSecond.getAsInt());
                    upsert.executeUpdate();
                }
                seen = recent(connection);
            }
        } catch (SQLException | RuntimeException e) {
            // the state database's health check reports it; the next beat tries again
            seen = List.of();
            LOG.debug("No heartbeat written to the state database {}: {}", database.describe(), e.getMessage());
        }
    }

    private static List<String> recent(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SEEN)) {
            query.setLong(1, INTERVAL.toMillis() * 3);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return List.copyOf(ids);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
