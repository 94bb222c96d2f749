package dev.twilioconnector.runtime.state;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.support.service.ServiceSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The connection's shared state database (PostgreSQL): a small HikariCP pool, and the tables the runner keeps there,
 * created when first needed rather than at start, so that a database that is down when a node starts fails no
 * start-up: the pool opens no connection until asked, each use waits for one at most {@link #CONNECTION_TIMEOUT_MILLIS},
 * and the tables are created by the first use that reaches the database. The password goes to the pool only: it is in
 * no message, log line or {@code toString()} of this class.
 */
public final class StateDatabase extends ServiceSupport {

    static final long CONNECTION_TIMEOUT_MILLIS = 2000;
    /** Any number all nodes agree on: the lock that lets one node at a time create the tables. */
    private static final long SCHEMA_LOCK = 0x7477_696c_696fL;
    private static final List<String> SCHEMA = List.of(
            // camel-sql's table for JdbcMessageIdRepository; messageId wider than its documented 100, for webhook tokens
            "CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255) NOT NULL,"
                    + " messageId VARCHAR(1000) NOT NULL, createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))",
            JdbcMessageStatuses.TABLE,
            NodeHeartbeat.TABLE);

    private final String url;
    private final HikariDataSource dataSource;
    private volatile boolean schemaCreated;

    public StateDatabase(String jdbcUrl, String username, String password) {
        this.url = jdbcUrl;
        // the pool starts with the first connection asked for, so a runner that fails to start leaves none behind
        dataSource = new HikariDataSource();
        dataSource.setPoolName("twilio-connector-state");
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        dataSource.setMinimumIdle(1);
        // start without a connection: the database may come up after this node
        dataSource.setInitializationFailTimeout(-1);
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        dataSource.setValidationTimeout(1000);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL without its parameters, where a password could be: for messages. */
    public String describe() {
        return withoutParameters(url);
    }

    /** A JDBC URL without its parameters, where a password could be. */
    public static String withoutParameters(String jdbcUrl) {
        int parameters = jdbcUrl.indexOf('?');
        return parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters);
    }

    /**
     * Creates the runner's tables if missing, once: by one node at a time, under a transaction-scoped advisory lock,
     * since two {@code CREATE TABLE IF NOT EXISTS} of one table at the same instant can still collide in PostgreSQL.
     * A failure leaves them to the next use.
     */
    public void ensureSchema() throws SQLException {
        if (schemaCreated) {
            return;
        }
        synchronized (this) {
            if (schemaCreated) {
                return;
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                try {
                    statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                    for (String table : SCHEMA) {
                        statement.execute(table);
                    }
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            schemaCreated = true;
        }
    }

    /** Whether the database answers now, within a second; the reason it does not otherwise. */
    void check() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(1)) {
                throw new SQLException("the connection was not valid within a second");
            }
        }
        ensureSchema();
    }

    @Override
    protected void doStop() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "StateDatabase[" + describe() + "]";
    }
}
