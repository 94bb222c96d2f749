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

    @Test
    void limitOverTenThousandRecordsReadsOnePage() throws SQLException {
        sandbox.generate("Messages", 10_000);
        sandbox.clearRequests();

        List<List<Object>> rows = query("SELECT Sid, Status FROM Messages LIMIT 5");

        assertThat(rows).hasSize(5);
        assertThat(listRequests()).hasSize(1);
        assertThat(listRequests().get(0).queryParams()).containsEntry("PageSize", List.of("1000"));
    }

    @Test
    void scanWithoutLimitFollowsEveryPage() throws SQLException {
        sandbox.generate("Messages", 2_500);
        sandbox.clearRequests();

        assertThat(query("SELECT COUNT(*) FROM Messages")).containsExactly(List.of(2_500L));
        assertThat(listRequests()).hasSize(3);
    }

    @Test
    void joinOfCallsAndRecordingsOnCallSidReturnsThePairs() throws SQLException {
        String first = putCall("+15550000001");
        String second = putCall("+15550000002");
        putCall("+15550000003");
        String a = putRecording(first, 11);
        String b = putRecording(first, 12);
        String c = putRecording(second, 13);
        putRecording("CA" + "0".repeat(32), 14);

        List<List<Object>> rows = query("SELECT c.Sid, c.\"To\", r.Sid, r.Duration FROM Calls c"
                + " JOIN Recordings r ON r.CallSid = c.Sid ORDER BY r.Duration");

        assertThat(rows).containsExactly(
                List.of(first, "+15550000001", a, 11L),
                List.of(first, "+15550000001", b, 12L),
                List.of(second, "+15550000002", c, 13L));
        assertThat(listRequests()).extracting(RecordedRequest::path)
                .containsExactlyInAnyOrder(accountPath("Calls.json"), accountPath("Recordings.json"));
    }

    @Test
    void groupByStatusCountsEachStatus() throws SQLException {
        putMessage(SENDER, "delivered", "2024-06-02T10:00:00Z", "a");
        putMessage(SENDER, "delivered", "2024-06-03T10:00:00Z", "b");
        putMessage(SENDER, "failed", "2024-06-04T10:00:00Z", "c");
        putMessage(SENDER, "undelivered", "2024-06-05T10:00:00Z", "d");

        assertThat(query("SELECT Status, COUNT(*) AS N FROM Messages GROUP BY Status ORDER BY Status"))
                .containsExactly(List.of("delivered", 2L), List.of("failed", 1L), List.of("undelivered", 1L));
    }

    @Test
    void likeThatTwilioCannotEvaluateIsEvaluatedByCalcite() throws SQLException {
        String refund = putMessage(SENDER, "delivered", "2024-06-02T10:00:00Z", "about your refund, sir");
        putMessage(SENDER, "delivered", "2024-06-03T10:00:00Z", "about your order");
        String other = putMessage("+15550000000", "delivered", "2024-06-03T10:00:00Z", "Refund issued: a refund");

        assertThat(query("SELECT Sid FROM Messages WHERE Body LIKE '%refund%' ORDER BY Sid"))
                .containsExactlyInAnyOrder(List.of(refund), List.of(other));
        assertThat(query("SELECT Sid FROM Messages WHERE Sender = '+15017122661' AND Body LIKE '%refund%'"))
                .containsExactly(List.of(refund));
        assertThat(listRequests()).extracting(r -> r.queryParams().keySet())
                .containsExactly(java.util.Set.of("PageSize"), java.util.Set.of("From", "PageSize"));
    }

    @Test
    void strictTimeBoundIsWidenedToItsDayForTwilioAndExactInTheResult() throws SQLException {
        putMessage(SENDER, "delivered", "2024-06-01T09:00:00Z", "before");
        String after = putMessage(SENDER, "delivered", "2024-06-01T11:00:00Z", "after");

        assertThat(query("SELECT Sid FROM Messages WHERE DateSent > TIMESTAMP '2024-06-01 10:00:00'"))
                .containsExactly(List.of(after));
        assertThat(listRequests().get(0).queryParams()).containsEntry("DateSent>", List.of("2024-06-01"));
    }

    @Test
    void sidEqualityGetsTheOneRecordWithItsTimeInUtc() throws SQLException {
        String sid = putMessage(SENDER, "delivered", "2024-06-01T11:30:15Z", "one");
        putMessage(SENDER, "delivered", "2024-06-01T12:00:00Z", "another");

        try (java.sql.PreparedStatement statement = connection.prepareStatement(
                "SELECT Sid, DateSent, Body FROM Messages WHERE Sid = ?")) {
            statement.setString(1, sid);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getTimestamp("DateSent").toInstant()).isEqualTo(Instant.parse("2024-06-01T11:30:15Z"));
                assertThat(result.getString("Body")).isEqualTo("one");
                assertThat(result.next()).isFalse();
            }
        }
        assertThat(sandbox.requests()).extracting(RecordedRequest::path).containsExactly(accountPath("Messages/" + sid + ".json"));
    }

    @Test
    void statementsOtherThanSelectFailBeforeAnyRequest() {
        assertThatThrownBy(() -> query("DELETE FROM Messages WHERE Status = 'failed'"))
                .hasMessageContaining("DELETE statements are not allowed")
                .hasMessageContaining("SELECT queries only");
        assertThatThrownBy(() -> connection.createStatement().executeUpdate("UPDATE Messages SET Body = 'x'"))
                .hasMessageContaining("UPDATE statements are not allowed");
        assertThatThrownBy(() -> connection.createStatement().execute("INSERT INTO Messages (Body) VALUES ('x')"))
                .hasMessageContaining("INSERT statements are not allowed");
        assertThatThrownBy(() -> connection.createStatement().execute("CREATE TABLE Copies (Sid VARCHAR(34))"))
                .hasMessageContaining("CREATE statements are not allowed");
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void nestedEntityTakesItsParentKeyFromTheWhereClause() throws SQLException {
        String call = putCall("+15550000001");
        putRecording(call, 21);
        putRecording("CA" + "1".repeat(32), 22);

        assertThat(query("SELECT CallSid, Duration FROM CallRecordings WHERE CallSid = '" + call + "'"))
                .containsExactly(List.of(call, 21L));
        assertThat(listRequests()).extracting(RecordedRequest::path).containsExactly(accountPath("Calls/" + call + "/Recordings.json"));
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

    private static String putCall(String to) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("to", to);
        fields.put("from", SENDER);
        fields.put("status", "completed");
        return String.valueOf(sandbox.put("Calls", fields).get("sid"));
    }

    private static String putRecording(String callSid, int duration) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("call_sid", callSid);
        fields.put("duration", Integer.toString(duration));
        return String.valueOf(sandbox.put("Calls/" + callSid + "/Recordings", fields).get("sid"));
    }

    static String accountPath(String rest) {
        return "/2010-04-01/Accounts/" + sandbox.accountSid() + "/" + rest;
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
