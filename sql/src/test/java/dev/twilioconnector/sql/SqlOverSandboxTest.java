package dev.twilioconnector.sql;

import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL through {@code jdbc:twilio-connector:} against the sandbox: the rows, and the requests Twilio saw. */
class SqlOverSandboxTest {

    private static final String SENDER = "+15017122661";

    private static TwilioSandbox sandbox;
    private Connection connection;

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void connect() throws SQLException {
        sandbox.reset();
        connection = DriverManager.getConnection("jdbc:twilio-connector:", settings());
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    static Properties settings() {
        Properties settings = new Properties();
        settings.setProperty("accountSid", sandbox.accountSid());
        settings.setProperty("authToken", sandbox.authToken());
        settings.setProperty("baseUrl", sandbox.baseUrl());
        return settings;
    }

    @Test
    void countWithSenderAndDaySendsFromAndDateSentToTwilio() throws SQLException {
        putMessage(SENDER, "delivered", "2024-06-02T10:00:00Z", "hello");
        putMessage(SENDER, "delivered", "2024-06-01T00:00:00Z", "midnight");
        putMessage(SENDER, "failed", "2024-05-31T23:59:59Z", "too early");
        putMessage("+15550000000", "delivered", "2024-06-03T10:00:00Z", "other sender");

        List<List<Object>> rows = query("SELECT COUNT(*) FROM Messages WHERE Sender = '+15017122661' AND DateSent >= '2024-06-01'");

        assertThat(rows).containsExactly(List.of(2L));
        assertThat(listRequests()).hasSize(1);
        Map<String, List<String>> params = listRequests().get(0).queryParams();
        assertThat(params).containsEntry("From", List.of(SENDER)).containsEntry("DateSent>", List.of("2024-06-01"));
    }

    private List<RecordedRequest> listRequests() {
        return sandbox.requests().stream().filter(r -> r.method().equals("GET")).toList();
    }

    private List<List<Object>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static String putMessage(String sender, String status, String sent, String body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", sender);
        fields.put("to", "+15558675310");
        fields.put("status", status);
        fields.put("body", body);
        fields.put("date_sent", Instant.parse(sent));
        return String.valueOf(sandbox.put("Messages", fields).get("sid"));
    }
}
