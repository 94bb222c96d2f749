package dev.twilioconnector;

import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.settings.TwilioEnvironment;
import dev.twilioconnector.webhook.TwilioWebhookConsumer;
import dev.twilioconnector.webhook.WebhookOptions;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;

/**
 * {@code twilio-connector:webhook/<path>}: receives Twilio's webhooks at the path, as the start of a route. It
 * shares the endpoint options, and the generated configurer that sets them, with {@link TwilioConnectorEndpoint},
 * the class Camel's metadata describes the scheme by.
 */
public class TwilioConnectorWebhookEndpoint extends TwilioConnectorEndpoint {

    /** The entity part of a webhook URI: twilio-connector:webhook/<path>. */
    public static final String WEBHOOK = "webhook";

    private final String path;

    /** Checks the path, so that a bad one fails when the route starts. */
    public TwilioConnectorWebhookEndpoint(String uri, TwilioConnectorComponent component,
                                          TwilioConnectorConfiguration configuration, String path) {
        super(uri, component, configuration);
        if (path.isEmpty() || path.startsWith("/") || path.contains("//") || path.contains("..")) {
            throw new TwilioConnectorInputException("Expected twilio-connector:webhook/<path>, e.g. twilio-connector:webhook/sms,"
                    + " but got twilio-connector:webhook/" + path);
        }
        this.path = path;
        setEntity(WEBHOOK);
    }

    @Override
    public Producer createProducer() {
        throw new TwilioConnectorInputException("twilio-connector:webhook/" + path
                + " receives Twilio's webhooks: use it as the start of a route (from), not as a producer (to)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TwilioConnectorConfiguration configuration = getConfiguration();
        TwilioConnectorComponent component = getComponent();
        Consumer consumer = new TwilioWebhookConsumer(this, processor, path,
                new WebhookOptions(configuration.getWebhookBaseUrl(), configuration.getWebhookResponse(),
                        configuration.isValidateSignature(), configuration.getWebhookReplayCacheSize()),
                () -> TwilioEnvironment.system().orElse(component.getConfiguration().getAuthToken(), TwilioEnvironment.AUTH_TOKEN),
                component.mapper(), component.getConfiguration().getWebhookIdempotentRepository());
        configureConsumer(consumer);
        return consumer;
    }

    /** The path Twilio posts to, below the HTTP server's root. */
    public String getPath() {
        return path;
    }
}
