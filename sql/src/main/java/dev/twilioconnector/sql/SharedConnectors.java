package dev.twilioconnector.sql;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One started component per set of connection settings in this JVM, however many JDBC connections use it: the
 * connection's node throttle limits them all together, as it limits every route of a node. The component stops
 * when the last JDBC connection that uses it closes.
 */
final class SharedConnectors {

    private final Map<ConnectionSettings, Shared> started = new HashMap<>();

    private static final class Shared {
        final ConnectorContext connector;
        int users;

        Shared(ConnectorContext connector) {
            this.connector = connector;
        }
    }

    synchronized ConnectorContext acquire(ConnectionSettings settings) throws SQLException {
        Shared shared = started.get(settings);
        if (shared == null) {
            shared = new Shared(ConnectorContext.start(settings));
            started.put(settings, shared);
        }
        shared.users++;
        return shared.connector;
    }

    synchronized void release(ConnectorContext connector) {
        started.entrySet().removeIf(entry -> {
            Shared shared = entry.getValue();
            if (shared.connector != connector || --shared.users > 0) {
                return false;
            }
            shared.connector.close();
            return true;
        });
    }
}
