package dev.twilioconnector.error;

import java.time.Duration;

/**
 * A record an action waited on did not reach the status waited for within the time allowed. The record exists
 * (the message was sent to Twilio); only its outcome is not known yet, so the exception tells the last status seen.
 */
public class TwilioConnectorWaitTimeoutException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String sid;
    private final String lastStatus;

    public TwilioConnectorWaitTimeoutException(String action, String entity, String sid, String awaited, Duration timeout,
                                               String lastStatus) {
        super(action + ": " + entity + " " + sid + " did not reach status " + awaited + " within " + timeout.toMillis()
                + " ms (waitTimeout); last status seen: " + lastStatus);
        this.sid = sid;
        this.lastStatus = lastStatus;
    }

    /** The SID of the record waited on. */
    public String getSid() {
        return sid;
    }

    /** The record's status at the last read. */
    public String getLastStatus() {
        return lastStatus;
    }
}
