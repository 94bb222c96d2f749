package dev.twilioconnector.sql;

import dev.twilioconnector.TwilioConnectorComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

import java.sql.SQLException;
import java.util.LinkedHashMap;

/**
 * The twilio-connector component that SQL sends its List requests through: either one of an application's
 * CamelContext (its connection, its throttle), or one the driver starts in a small CamelContext of its own from
 * the connection's settings.
 */
final class ConnectorContext implements AutoCloseable {

    static final String COMPONENT = "twilio-connector";

    private final CamelContext camel;
    private final boolean owned;
    private final ProducerTemplate producer;
    private final ListPages pages;

    private ConnectorContext(CamelContext camel, String componentName, boolean owned) {
        this.camel = camel;
        this.owned = owned;
        this.producer = camel.createProducerTemplate();
        this.pages = new CamelListPages(producer, componentName);
    }

    /** The component named {@code componentName} of a running application's context; closing leaves it running. */
    static ConnectorContext of(CamelContext camel, String componentName) {
        if (!(camel.getComponent(componentName) instanceof TwilioConnectorComponent)) {
            throw new IllegalArgumentException("The CamelContext has no twilio-connector component named '" + componentName + "'");
        }
        return new ConnectorContext(camel, componentName, false);
    }

    /** Starts a component configured with the settings, in a CamelContext of its own. */
    static ConnectorContext start(ConnectionSettings settings) throws SQLException {
        CamelContext camel = new DefaultCamelContext();
        try {
            TwilioConnectorComponent component = new TwilioConnectorComponent();
            PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true).withReference(false)
                    .bind(camel, component, new LinkedHashMap<>(settings.componentOptions()));
            camel.addComponent(COMPONENT, component);
            camel.start();
            return new ConnectorContext(camel, COMPONENT, true);
        } catch (RuntimeException invalid) {
            camel.stop();
            throw new SQLException("Cannot open a twilio-connector connection: " + invalid.getMessage(), "08001", invalid);
        }
    }

    ListPages pages() {
        return pages;
    }

    @Override
    public void close() {
        producer.stop();
        if (owned) {
            camel.stop();
        }
    }
}
