package dev.twilioconnector;

import dev.twilioconnector.action.Action;
import dev.twilioconnector.action.ActionCatalog;
import dev.twilioconnector.action.StatusWait;
import dev.twilioconnector.error.TwilioConnectorInputException;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;

import java.time.Duration;

/**
 * {@code twilio-connector:actions/<Action>}: runs an action of the action catalog ({@code SendMessage}) with the
 * inputs of the body and headers. It shares the endpoint options, and the generated configurer that sets them,
 * with {@link TwilioConnectorEndpoint}, the class Camel's metadata describes the scheme by.
 */
public class TwilioConnectorActionEndpoint extends TwilioConnectorEndpoint {

    /** The entity part of an action URI: twilio-connector:actions/<Action>. */
    public static final String ACTIONS = "actions";

    private final Action action;

    /** Resolves the action, so that a route naming an unknown one fails when it starts. */
    public TwilioConnectorActionEndpoint(String uri, TwilioConnectorComponent component,
                                         TwilioConnectorConfiguration configuration, String actionName) {
        super(uri, component, configuration);
        this.action = ActionCatalog.standard().require(actionName);
        setEntity(ACTIONS);
        setOperation(action.name());
    }

    /** Checks waitForStatus and waitTimeout against the action, so that bad options fail when the route starts. */
    @Override
    public Producer createProducer() {
        StatusWait wait = statusWait();
        return action.query() ? new TwilioConnectorQueryProducer(this, action)
                : new TwilioConnectorActionProducer(this, action, wait);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new TwilioConnectorInputException("twilio-connector:actions/" + action.name() + " is an action: use it as"
                + " a producer (to), not as the start of a route (from)");
    }

    StatusWait statusWait() {
        return StatusWait.of(action, getConfiguration().getWaitForStatus(),
                Duration.ofMillis(getConfiguration().getWaitTimeout()));
    }

    public Action getAction() {
        return action;
    }
}
