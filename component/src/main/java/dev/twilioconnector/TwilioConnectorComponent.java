package dev.twilioconnector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.connection.ConnectionConfiguration;
import dev.twilioconnector.connection.TwilioConnection;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.resilience.CallPath;
import dev.twilioconnector.settings.ConnectionCapacity;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.service.ServiceHelper;

import java.util.Map;

/**
 * One connection to Twilio: the account, its credentials and where Twilio is. Every endpoint of the component
 * shares its one {@link TwilioConnection}, so whatever limits the connection limits them all.
 *
 * <p>The options are those of {@link ConnectionConfiguration}, set as {@code camel.component.twilio-connector.<option>}.
 * The metadata leaves out the configuration object itself and {@link HealthCheckComponent}'s switches: the
 * connection's health checks are registered by the connection, and the option list users set stays as it was.
 */
@Component("twilio-connector")
@Metadata(excludeProperties = "configuration,healthCheckConsumerEnabled,healthCheckProducerEnabled")
public class TwilioConnectorComponent extends HealthCheckComponent {

    @Metadata
    private ConnectionConfiguration configuration = new ConnectionConfiguration();

    private final ObjectMapper mapper = new ObjectMapper();
    private TwilioConnection connection;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TwilioConnectorEndpoint endpoint;
        if (remaining.startsWith(TwilioConnectorWebhookEndpoint.WEBHOOK + "/")) {
            endpoint = new TwilioConnectorWebhookEndpoint(uri, this, new TwilioConnectorConfiguration(),
                    remaining.substring(TwilioConnectorWebhookEndpoint.WEBHOOK.length() + 1));
        } else if (remaining.startsWith(TwilioConnectorActionEndpoint.ACTIONS + "/")) {
            endpoint = new TwilioConnectorActionEndpoint(uri, this, new TwilioConnectorConfiguration(),
                    remaining.substring(TwilioConnectorActionEndpoint.ACTIONS.length() + 1));
        } else {
            String[] parts = remaining.split("/", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new TwilioConnectorInputException("Expected twilio-connector:<Entity>/<Operation>, e.g."
                        + " twilio-connector:Messages/Create, or twilio-connector:actions/<Action>, but got"
                        + " twilio-connector:" + remaining);
            }
            endpoint = new TwilioConnectorEndpoint(uri, this, new TwilioConnectorConfiguration(), parts[0], parts[1]);
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = new TwilioConnection(configuration.copy(), getCamelContext(), mapper);
        ServiceHelper.startService(connection);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(connection);
        connection = null;
        super.doStop();
    }

    /** The running connection; null while the component is stopped. */
    public TwilioConnection connection() {
        return connection;
    }

    /** The connection's throttle, retry and circuit breaker, to observe them; null while the component is stopped. */
    public CallPath callPath() {
        return connection == null ? null : connection.callPath();
    }

    /** The connection's nodes and what they may send together; null while the component is stopped. */
    public ConnectionCapacity capacity() {
        return connection == null ? null : connection.capacity();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    public ConnectionConfiguration getConfiguration() {
        return configuration;
    }

    /** The connection's options. */
    public void setConfiguration(ConnectionConfiguration configuration) {
        this.configuration = configuration;
    }
}
