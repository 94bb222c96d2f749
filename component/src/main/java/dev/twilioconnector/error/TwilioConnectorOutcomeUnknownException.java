package dev.twilioconnector.error;

import java.util.List;
import java.util.Map;

/**
 * A request that changes Twilio's state (a POST: Create, Update, an action) reached Twilio, or may have, and no
 * usable answer came back: a 5xx, a timeout, a connection lost mid-way, an answer that is not JSON. Twilio may or
 * may not have carried it out, and sending it again could do it twice (two messages, two calls), so it is not
 * retried. The exception carries the request's form parameters so that a dead letter channel keeps everything
 * needed to check Twilio and replay it by hand.
 */
public class TwilioConnectorOutcomeUnknownException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String target;
    private final Map<String, List<String>> payload;

    public TwilioConnectorOutcomeUnknownException(String purpose, String method, String target,
                                                  Map<String, List<String>> payload, RuntimeException cause) {
        super("The outcome of " + purpose + " (" + method + " " + target + ") is unknown: the request reached Twilio,"
                + " or may have, but " + cause.getMessage() + ". Twilio may or may not have carried it out; it is not"
                + " sent again since that could do it twice. Check Twilio before replaying the payload "
                + payload.keySet(), cause);
        this.method = method;
        this.target = target;
        this.payload = payload;
    }

    public String getMethod() {
        return method;
    }

    /** The path and query the request was sent to, relative to the base URL. */
    public String getTarget() {
        return target;
    }

    /** The form parameters the request carried, by Twilio's parameter name, in the order sent. */
    public Map<String, List<String>> getPayload() {
        return payload;
    }
}
