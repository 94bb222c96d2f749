package dev.twilioconnector.runtime.state;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

/**
 * The furthest statuses in the state database, seen alike by every node: one conditional upsert per callback, so
 * that the check and the write are one atomic statement and a late {@code sent} never overwrites {@code delivered},
 * whichever nodes the two callbacks reach and however close together.
 */
public final class JdbcMessageStatuses implements MessageStatuses {

    static final String TABLE = "CREATE TABLE IF NOT EXISTS twilio_connector_message_status (sid VARCHAR(64) PRIMARY KEY,"
            + " status VARCHAR(32) NOT NULL, rank INTEGER NOT NULL, record TEXT NOT NULL,"
            + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)";
    private static final String UPSERT = "INSERT INTO twilio_connector_message_status AS kept"
            + " (sid, status, rank, record, updated_at) VALUES (?, ?, ?, ?, now())"
            + " ON CONFLICT (sid) DO UPDATE SET status = EXCLUDED.status, rank = EXCLUDED.rank, record = EXCLUDED.record,"
            + " updated_at = EXCLUDED.updated_at WHERE kept.rank <= EXCLUDED.rank";

    private final StateDatabase database;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcMessageStatuses(StateDatabase database) {
        this.database = database;
    }

    @Override
    public boolean record(Map<String, Object> callback) throws Exception {
        database.ensureSchema();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, String.valueOf(callback.get("Sid")));
            upsert.setString(2, String.valueOf(callback.get("Status")));
            upsert.setInt(3, DeliveryRank.of(callback.get("Status")));
            upsert.setString(4, json.writeValueAsString(callback));
            // one row inserted or updated; none when the kept status is further along
            return upsert.executeUpdate() == 1;
        }
    }
}
