package dev.twilioconnector.bench;

import dev.twilioconnector.TwilioConnectorComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.List;
import java.util.Map;

/**
 * The connector as a route uses it: a {@code twilio-connector} component on a connection to the loopback server,
 * and a {@link ProducerTemplate} sending to endpoints resolved once, as a route's {@code to:} resolves its endpoint
 * once. The node throttle is raised to a million requests a second so that it never holds a request back.
 */
final class ConnectorMessagesClient implements MessagesClient {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Endpoint get;
    private final Endpoint create;
    private final Endpoint list;

    ConnectorMessagesClient(String baseUrl, String accountSid, String authToken, String messageSid) {
        TwilioConnectorComponent connection = new TwilioConnectorComponent();
        connection.getConfiguration().setAccountSid(accountSid);
        connection.getConfiguration().setAuthToken(authToken);
        connection.getConfiguration().setBaseUrl(baseUrl);
        connection.getConfiguration().setTransactionsPerSecond(1_000_000);
        this.camel = new DefaultCamelContext();
        camel.addComponent("twilio-connector", connection);
        camel.start();
        this.producer = camel.createProducerTemplate();
        this.get = camel.getEndpoint("twilio-connector:Messages/Get?entityId=" + messageSid);
        this.create = camel.getEndpoint("twilio-connector:Messages/Create");
        this.list = camel.getEndpoint("twilio-connector:Messages/List?pageSize=" + CannedTwilioResponses.PAGE_SIZE);
    }

    @Override
    public String name() {
        return "twilio-connector";
    }

    @Override
    public String get() {
        Map<?, ?> message = producer.requestBody(get, null, Map.class);
        return (String) message.get("Sid");
    }

    @Override
    public String create() {
        Map<?, ?> message = producer.requestBody(create, Map.of("To", TO, "Sender", FROM, "Body", BODY), Map.class);
        return (String) message.get("Sid");
    }

    @Override
    public String list() {
        List<?> messages = producer.requestBody(list, null, List.class);
        return (String) ((Map<?, ?>) messages.get(messages.size() - 1)).get("Sid");
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
