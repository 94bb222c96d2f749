package dev.twilioconnector.error;

/**
 * The connection's circuit breaker is open: so many recent requests to Twilio failed that the connection fails
 * fast instead of sending more, until the wait is over and a few probe requests find Twilio healthy again.
 * Nothing was sent to Twilio.
 */
public class TwilioConnectorCircuitOpenException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String state;

    public TwilioConnectorCircuitOpenException(String message, String state) {
        super(message);
        this.state = state;
    }

    /** The breaker's state when the request was refused: OPEN, or HALF_OPEN with every probe taken. */
    public String getState() {
        return state;
    }
}
