package dev.twilioconnector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.twilioconnector.action.Action;
import dev.twilioconnector.action.ActionInput;
import dev.twilioconnector.action.ActionInputs;
import dev.twilioconnector.action.ActionRunner;
import dev.twilioconnector.action.StatusWait;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the endpoint's action with the exchange's inputs and puts what it returns in the body. */
public class TwilioConnectorActionProducer extends DefaultProducer {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Action action;
    private final StatusWait wait;
    private final ActionInputs inputs;
    private ActionRunner runner;

    public TwilioConnectorActionProducer(TwilioConnectorActionEndpoint endpoint, Action action, StatusWait wait) {
        super(endpoint);
        this.action = action;
        this.wait = wait;
        this.inputs = new ActionInputs(endpoint.getComponent().mapper());
    }

    /** The connection's runner exists once the component started, which it has before its producers start. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        runner = new ActionRunner(getEndpoint().runner());
    }

    @Override
    public TwilioConnectorActionEndpoint getEndpoint() {
        return (TwilioConnectorActionEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> checked = inputs.check(action, body(message), headers(message));
        Map<String, Object> output = runner.run(action, checked, wait);
        message.setBody(output);
        action.output().idField().ifPresent(idField -> message.setHeader(TwilioConnectorConstants.SID, output.get(idField)));
        if (action.watch() != null) {
            message.setHeader(TwilioConnectorConstants.STATUS, output.get(action.watch().field()));
        }
    }

    private Map<String, Object> headers(Message message) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (ActionInput input : action.inputs()) {
            Object value = message.getHeader(input.header());
            if (value != null) {
                given.put(input.name(), value);
            }
        }
        return given;
    }

    /** The body's inputs: a Map, JSON text of an object, or nothing when all come from headers. */
    private Map<String, Object> body(Message message) {
        Object body = message.getBody();
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> given = new LinkedHashMap<>();
            map.forEach((key, value) -> given.put(String.valueOf(key), value));
            return given;
        }
        String text = body == null ? null : body instanceof String s ? s : message.getBody(String.class);
        if (text == null && body != null) {
            throw new TwilioConnectorInputException("The body of action " + action.name() + " must be a JSON object or a"
                    + " Map of its inputs (" + action.inputNames() + "), not " + body.getClass().getName());
        }
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return getEndpoint().getComponent().mapper().readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new TwilioConnectorInputException("The body of action " + action.name() + " is not a JSON object of its"
                    + " inputs (" + action.inputNames() + "): " + e.getOriginalMessage());
        }
    }
}
