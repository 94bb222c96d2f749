package dev.twilioconnector.runtime.state;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;

/**
 * Keys seen by any node, in camel-sql's {@code CAMEL_MESSAGEPROCESSED} table of the state database: the webhook
 * consumer's idempotency tokens, and bean {@code twilioIdempotentRepository} of the flows, each under a processor
 * name of its own.
 *
 * <p>camel-sql's plain {@link JdbcMessageIdRepository}, not its {@code JdbcOrphanLockAwareIdempotentRepository}.
 * The orphan-lock-aware one treats a key as a lock while its exchange runs: the node that added it refreshes its
 * timestamp every keep-alive interval, and a key older than {@code lockMaxAgeMillis} counts as absent, so that another
 * node may take over the work of one that died. That suits a consumer that adds a key before the work and confirms
 * it after. Neither user here is one: a webhook token must stay seen after its webhook was delivered, or a replay
 * that comes after the lock's age is delivered again; and that repository refreshes every key it added until the key
 * is removed, so a node would keep rewriting every token it ever took. A key that stays until it is removed (the
 * webhook consumer removes its token when the route fails, so Twilio's retry is delivered) is what both need.
 *
 * <p>Two nodes adding one key at the same instant: camel-sql's {@code add} counts the key's rows and inserts when it
 * found none, in one transaction, and both may count none; the table's primary key (processor name, key) then makes
 * the second insert wait for the first transaction and fail with a unique-key violation. That violation means the
 * other node added the key first, so here it answers "already there" ({@code false}) like any duplicate, rather
 * than an error that would fail the webhook with HTTP 500 and make Twilio send it again.
 *
 * <p>The table is created when first used (see {@link StateDatabase#ensureSchema()}), not at start: camel-sql's own
 * start-up check is off, so a database that is down when the node starts fails no start-up.
 */
public final class SharedIdempotentRepository extends JdbcMessageIdRepository {

    private final StateDatabase database;

    public SharedIdempotentRepository(StateDatabase database, String processorName) {
        super(database.dataSource(), processorName);
        this.database = database;
        setCreateTableIfNotExists(false);
    }

    @Override
    public boolean add(String key) {
        ensureSchema();
        try {
            return super.add(key);
        } catch (DuplicateKeyException addedByAnotherNode) {
            return false;
        }
    }

    @Override
    public boolean contains(String key) {
        ensureSchema();
        return super.contains(key);
    }

    @Override
    public boolean remove(String key) {
        ensureSchema();
        return super.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        ensureSchema();
        return super.confirm(key);
    }

    private void ensureSchema() {
        try {
            database.ensureSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("the state database " + database.describe() + " is unreachable: "
                    + e.getMessage(), e);
        }
    }
}
