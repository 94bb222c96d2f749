package dev.twilioconnector.sql;

import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The driver and the DataSource as JDBC users meet them, and the Auth Token that none of them ever shows. */
class JdbcSecretsAndDataSourceTest {

    private static TwilioSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void seed() {
        sandbox.reset();
        sandbox.put("Messages", Map.of("status", "delivered", "body", "one"));
        sandbox.put("Messages", Map.of("status", "failed", "body", "two"));
    }

    @Test
    void driverManagerFindsTheDriverBySettingsInTheUrl() throws SQLException {
        String url = "jdbc:twilio-connector:accountSid=" + sandbox.accountSid() + ";baseUrl=" + sandbox.baseUrl()
                + ";transactionsPerSecond=10";
        Properties secret = new Properties();
        secret.setProperty("authToken", sandbox.authToken());
        try (Connection connection = DriverManager.getConnection(url, secret)) {
            assertThat(count(connection)).isEqualTo(2);
            assertThat(connection.toString()).doesNotContain(sandbox.authToken());
            assertThat(connection.getClientInfo().toString()).doesNotContain(sandbox.authToken());
            assertThat(connection.getMetaData().getURL()).doesNotContain(sandbox.authToken());
        }
    }

    @Test
    void jdbcToolsUserAndPasswordAreTheAccountSidAndAuthToken() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("baseUrl", sandbox.baseUrl());
        try (Connection connection = DriverManager.getConnection("jdbc:twilio-connector:", withUser(credentials))) {
            assertThat(count(connection)).isEqualTo(2);
        }
    }

    @Test
    void dataSourceOpensConnectionsWithItsSettings() throws SQLException {
        TwilioDataSource dataSource = new TwilioDataSource();
        dataSource.setAccountSid(sandbox.accountSid());
        dataSource.setAuthToken(sandbox.authToken());
        dataSource.setBaseUrl(sandbox.baseUrl());

        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            assertThat(count(first)).isEqualTo(2);
            assertThat(count(second)).isEqualTo(2);
        }
        assertThat(dataSource.toString()).contains(sandbox.accountSid()).doesNotContain(sandbox.authToken());
    }

    @Test
    void wrongTokenFailsWithTwilios401AndWithoutTheToken() throws SQLException {
        String wrong = "0123456789abcdef0123456789abcdef";
        Properties settings = new Properties();
        settings.setProperty("accountSid", sandbox.accountSid());
        settings.setProperty("authToken", wrong);
        settings.setProperty("baseUrl", sandbox.baseUrl());
        settings.setProperty("logLevel", "OFF");
        try (Connection connection = DriverManager.getConnection("jdbc:twilio-connector:", settings)) {
            Throwable failure = catchThrowable(() -> count(connection));
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(fullText(failure)).contains("401").doesNotContain(wrong);
        }
    }

    @Test
    void unknownSettingIsNamedWithTheAllowedOnesButNotItsValue() {
        Properties settings = new Properties();
        settings.setProperty("accountSid", sandbox.accountSid());
        settings.setProperty("authTokn", sandbox.authToken());
        Throwable failure = catchThrowable(() -> DriverManager.getConnection("jdbc:twilio-connector:", settings));
        assertThat(failure).isInstanceOf(SQLException.class)
                .hasMessageContaining("Unknown jdbc:twilio-connector: setting 'authTokn'")
                .hasMessageContaining(" authToken,").hasMessageContaining(" baseUrl,");
        assertThat(fullText(failure)).doesNotContain(sandbox.authToken());
        assertThat(sandbox.requests()).isEmpty();
    }

    private static Properties withUser(Properties settings) {
        settings.setProperty("user", sandbox.accountSid());
        settings.setProperty("password", sandbox.authToken());
        return settings;
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM Messages")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The messages of the failure and of all its causes and suppressed exceptions, and their stack traces. */
    private static String fullText(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
