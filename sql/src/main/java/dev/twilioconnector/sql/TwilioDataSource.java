package dev.twilioconnector.sql;

import org.apache.camel.CamelContext;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A {@link DataSource} of {@code jdbc:twilio-connector:} connections, for Camel's {@code sql:} and {@code jdbc:}
 * components and connection pools. Either configured with the connection's settings (its bean properties, or any
 * component option by {@link #setProperty}), or given an application's CamelContext, whose twilio-connector
 * component it then uses: the same connection, the same node throttle as the application's routes.
 */
public final class TwilioDataSource implements DataSource {

    private final TwilioDriver driver = new TwilioDriver();
    private final Properties settings = new Properties();
    private final CamelContext camel;
    private final String componentName;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** Configured by its setters; the driver starts the component. */
    public TwilioDataSource() {
        this(null, null);
    }

    /** Over the CamelContext's component named {@code twilio-connector}. */
    public TwilioDataSource(CamelContext camel) {
        this(camel, ConnectorContext.COMPONENT);
    }

    public TwilioDataSource(CamelContext camel, String componentName) {
        this.camel = camel;
        this.componentName = componentName;
    }

    public void setAccountSid(String accountSid) {
        setProperty("accountSid", accountSid);
    }

    public void setAuthToken(String authToken) {
        setProperty("authToken", authToken);
    }

    public void setApiKeySid(String apiKeySid) {
        setProperty("apiKeySid", apiKeySid);
    }

    public void setApiKeySecret(String apiKeySecret) {
        setProperty("apiKeySecret", apiKeySecret);
    }

    public void setBaseUrl(String baseUrl) {
        setProperty("baseUrl", baseUrl);
    }

    public void setTransactionsPerSecond(int transactionsPerSecond) {
        setProperty("transactionsPerSecond", Integer.toString(transactionsPerSecond));
    }

    /** Any key a {@code jdbc:twilio-connector:} URL takes: a component option or a Calcite connection property. */
    public void setProperty(String key, String value) {
        settings.setProperty(key, value);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(settings);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties withCredentials = new Properties();
        withCredentials.putAll(settings);
        withCredentials.setProperty("user", username);
        withCredentials.setProperty("password", password);
        return connect(withCredentials);
    }

    private Connection connect(Properties keys) throws SQLException {
        if (camel == null) {
            return driver.connect(TwilioDriver.PREFIX, keys);
        }
        ConnectionSettings calciteOnly = ConnectionSettings.of(keys);
        if (!calciteOnly.componentOptions().isEmpty()) {
            throw new SQLException("This DataSource uses the CamelContext's component '" + componentName
                    + "', whose options are set on the component; remove " + calciteOnly.componentOptions().keySet(), "08001");
        }
        ConnectorContext connector = ConnectorContext.of(camel, componentName);
        return driver.open(connector.pages(), calciteOnly, connector::close);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("twilio-connector logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("TwilioDataSource is not a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        try {
            return "TwilioDataSource[" + (camel != null ? "component " + componentName : ConnectionSettings.of(settings)) + "]";
        } catch (SQLException unknownKey) {
            return "TwilioDataSource[" + settings.stringPropertyNames() + "]";
        }
    }
}
