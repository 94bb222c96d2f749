package dev.twilioconnector.state;

import dev.twilioconnector.error.StateRepositoryException;
import dev.twilioconnector.support.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC state repository against a real PostgreSQL. */
class JdbcStateRepositoryTest {

    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    @Test
    void writesReadsAndOverwritesAStateWithOneRowPerKey() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(database.dataSource(), "round_trip");
        repository.start();

        repository.setState("poller/Messages", "{\"time\":\"2024-06-01T10:00:00Z\"}");
        repository.setState("poller/Messages", "{\"time\":\"2024-06-01T11:00:00Z\"}");
        repository.setState("other/Calls", "{}");

        assertThat(repository.getState("poller/Messages")).isEqualTo("{\"time\":\"2024-06-01T11:00:00Z\"}");
        assertThat(repository.getState("other/Calls")).isEqualTo("{}");
        assertThat(repository.getState("never/Written")).isNull();
        assertThat(rows("SELECT state_key || '=' || state_value || ':' || (updated_at IS NOT NULL) FROM round_trip ORDER BY state_key"))
                .containsExactly("other/Calls={}:true", "poller/Messages={\"time\":\"2024-06-01T11:00:00Z\"}:true");
    }

    @Test
    void readsWhatAnotherNodeWroteSinceItsLastRead() throws Exception {
        JdbcStateRepository thisNode = new JdbcStateRepository(database.dataSource(), "two_nodes");
        JdbcStateRepository otherNode = new JdbcStateRepository(database.dataSource(), "two_nodes");
        thisNode.setState("poller/Messages", "first");

        otherNode.setState("poller/Messages", "moved by the other node");

        assertThat(thisNode.getState("poller/Messages")).isEqualTo("moved by the other node");
    }

    @Test
    void createsItsTableOnFirstUseNotAtStart() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(database.dataSource(), "lazy_state");
        repository.start();
        assertThat(rows("SELECT to_regclass('lazy_state') IS NULL")).containsExactly("t");

        assertThat(repository.getState("poller/Messages")).isNull();

        assertThat(rows("SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'lazy_state' ORDER BY ordinal_position")).containsExactly(
                "state_key character varying NO", "state_value text NO", "updated_at timestamp with time zone NO");
        assertThat(rows("SELECT constraint_type FROM information_schema.table_constraints WHERE table_name = 'lazy_state'"
                + " AND constraint_type = 'PRIMARY KEY'")).containsExactly("PRIMARY KEY");
    }

    @Test
    void aDatabaseDownAtStartFailsEachUseWithoutItsPasswordAndServesOnceItIsUp() throws Exception {
        PGSimpleDataSource notYetThere = new PGSimpleDataSource();
        notYetThere.setURL("jdbc:postgresql://localhost:" + database.port() + "/comes_later?user=" + EmbeddedDatabase.USER
                + "&password=s3cret-pw");
        JdbcStateRepository repository = new JdbcStateRepository(notYetThere);
        repository.start();

        assertThatThrownBy(() -> repository.getState("poller/Messages"))
                .isInstanceOf(StateRepositoryException.class)
                .hasMessage("Cannot read state 'poller/Messages' in table twilio_connector_state:"
                        + " FATAL: database \"comes_later\" does not exist (SQL state 3D000)")
                .satisfies(failure -> assertThat(messages(failure)).noneMatch(message -> message.contains("s3cret-pw")));
        assertThatThrownBy(() -> repository.setState("poller/Messages", "{}"))
                .hasMessageStartingWith("Cannot write state 'poller/Messages' in table twilio_connector_state:");

        EmbeddedDatabase.admin("CREATE DATABASE comes_later");
        try {
            repository.setState("poller/Messages", "{}");
            assertThat(repository.getState("poller/Messages")).isEqualTo("{}");
        } finally {
            EmbeddedDatabase.admin("DROP DATABASE comes_later WITH (FORCE)");
        }
    }

    @Test
    void aTableNameThatIsNoSqlIdentifierIsRefusedAtOnce() {
        assertThatThrownBy(() -> new JdbcStateRepository(database.dataSource(), "state; DROP TABLE accounts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("State table 'state; DROP TABLE accounts' is not an SQL identifier: allowed letters, digits and '_',"
                        + " starting with a letter or '_', at most 63 characters, optionally after a schema and a dot"
                        + " (twilio.connector_state)");
        assertThatThrownBy(() -> new JdbcStateRepository(database.dataSource(), "a.b.c"))
                .hasMessageStartingWith("State table 'a.b.c' is not an SQL identifier");
        assertThat(new JdbcStateRepository(database.dataSource(), "public.my_state").getTable()).isEqualTo("public.my_state");
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
            messages.add(cause.toString());
        }
        return messages;
    }
}
