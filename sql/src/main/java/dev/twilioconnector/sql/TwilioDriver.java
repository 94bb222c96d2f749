package dev.twilioconnector.sql;

import dev.twilioconnector.catalog.Catalog;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.HandlerImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The JDBC driver for {@code jdbc:twilio-connector:}: Calcite's own driver with the catalog's entities as the
 * default schema ({@code twilio}), SELECT only. The connection's settings are URL parameters
 * ({@code jdbc:twilio-connector:accountSid=AC...;baseUrl=...}) or {@code Properties} keys, named as the component's
 * options; {@code user} and {@code password} stand for {@code accountSid} and {@code authToken}, as JDBC tools ask
 * for them.
 */
public final class TwilioDriver extends Driver {

    public static final String PREFIX = "jdbc:twilio-connector:";
    static final String SCHEMA = "twilio";

    private static final SharedConnectors SHARED = new SharedConnectors();

    static {
        new TwilioDriver().register();
    }

    /** What to do when a connection closes: release the component it used. */
    private final Map<AvaticaConnection, Runnable> onClose = Collections.synchronizedMap(new IdentityHashMap<>());

    public TwilioDriver() {
        super(SelectOnlyPrepare::new);
    }

    @Override
    protected String getConnectStringPrefix() {
        return PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return new DriverVersion("twilio-connector JDBC driver", "0.1", "Twilio (twilio-connector)", "2010-04-01",
                true, 0, 1, 0, 1);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ConnectionSettings settings = ConnectionSettings.of(
                ConnectStringParser.parse(url.substring(PREFIX.length()), info == null ? new Properties() : info));
        ConnectorContext connector = SHARED.acquire(settings);
        try {
            return open(connector.pages(), settings, () -> SHARED.release(connector));
        } catch (SQLException | RuntimeException failed) {
            SHARED.release(connector);
            throw failed;
        }
    }

    /** A connection whose tables read their pages from {@code pages}; {@code release} runs when it closes. */
    Connection open(ListPages pages, ConnectionSettings settings, Runnable release) throws SQLException {
        // only Calcite's own keys reach Calcite: the credentials stay with the component
        CalciteConnection connection = (CalciteConnection) super.connect(PREFIX, settings.calciteProperties());
        SchemaPlus root = connection.getRootSchema();
        root.add(SCHEMA, new TwilioSchema(Catalog.standard(), pages));
        connection.setSchema(SCHEMA);
        onClose.put((AvaticaConnection) connection, release);
        return connection;
    }

    @Override
    protected Handler createHandler() {
        Handler calcite = super.createHandler();
        return new HandlerImpl() {
            @Override
            public void onConnectionInit(AvaticaConnection connection) throws SQLException {
                calcite.onConnectionInit(connection);
            }

            @Override
            public void onConnectionClose(AvaticaConnection connection) {
                calcite.onConnectionClose(connection);
                Runnable release = onClose.remove(connection);
                if (release != null) {
                    release.run();
                }
            }
        };
    }
}
