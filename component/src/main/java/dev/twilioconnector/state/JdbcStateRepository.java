package dev.twilioconnector.state;

import dev.twilioconnector.error.StateRepositoryException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A Camel {@link StateRepository} in a table of a PostgreSQL database, so that every node of a connection sees the
 * same pollers' cursors. Camel itself has only memory and file repositories.
 *
 * <p>Every read goes to the database: another node may have moved a cursor since. Every write is one upsert. The
 * table is created if missing on first use rather than at start, and again on the next use after that failed, so
 * a database that is down when the node starts fails no start-up: the pollers wait for it.
 *
 * <p>A failure throws {@link StateRepositoryException}, naming the table and the operation; never the database's
 * address or credentials.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_TABLE = "twilio_connector_state";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String table;
    private final String upsert;
    private final String select;
    private volatile boolean tableReady;

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /** @param table the table's name, optionally with its schema: {@code state} or {@code twilio.state} */
    public JdbcStateRepository(DataSource dataSource, String table) {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository needs a DataSource");
        }
        this.dataSource = dataSource;
        this.table = checkedTable(table);
        this.upsert = "INSERT INTO " + this.table + " (state_key, state_value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                + " ON CONFLICT (state_key) DO UPDATE SET state_value = EXCLUDED.state_value, updated_at = EXCLUDED.updated_at";
        this.select = "SELECT state_value FROM " + this.table + " WHERE state_key = ?";
    }

    private static String checkedTable(String table) {
        String[] parts = table == null ? new String[] {""} : table.split("\\.", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) {
            valid &= IDENTIFIER.matcher(part).matches();
        }
        if (!valid) {
            throw new IllegalArgumentException("State table '" + table + "' is not an SQL identifier: allowed letters, digits"
                    + " and '_', starting with a letter or '_', at most 63 characters, optionally after a schema and a dot"
                    + " (twilio.connector_state)");
        }
        return table;
    }

    public String getTable() {
        return table;
    }

    @Override
    public void setState(String key, String value) {
        try (Connection connection = connection("write state '" + key + "'");
             PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
            commit(connection);
        } catch (SQLException e) {
            throw failure("write state '" + key + "'", e);
        }
    }

    @Override
    public String getState(String key) {
        try (Connection connection = connection("read state '" + key + "'");
             PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                String value = row.next() ? row.getString(1) : null;
                commit(connection);
                return value;
            }
        } catch (SQLException e) {
            throw failure("read state '" + key + "'", e);
        }
    }

    /** A connection to a database where the table exists, created on first use. */
    private Connection connection(String operation) throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!tableReady) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + table + " (state_key VARCHAR(1024) PRIMARY KEY,"
                        + " state_value TEXT NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                commit(connection);
                tableReady = true;
            } catch (SQLException e) {
                connection.close();
                throw new SQLException("creating the table failed before " + operation + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
        return connection;
    }

    /** A pool may hand out connections outside auto-commit: what was written must be written before the call returns. */
    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private StateRepositoryException failure(String operation, SQLException e) {
        return new StateRepositoryException("Cannot " + operation + " in table " + table + ": " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")"), e);
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[table=" + table + "]";
    }
}
