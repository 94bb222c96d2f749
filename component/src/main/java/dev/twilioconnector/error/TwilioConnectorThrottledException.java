package dev.twilioconnector.error;

/**
 * The node throttle's queue is full: the connection already holds as many requests waiting for their turn as it
 * may, so this one fails at once instead of waiting, as a managed connector answers 429 beyond its limit. Nothing
 * was sent to Twilio.
 */
public class TwilioConnectorThrottledException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final int transactionsPerSecond;
    private final int queueSize;

    public TwilioConnectorThrottledException(int transactionsPerSecond, int queueSize) {
        super("Throttled: this node sends at most " + transactionsPerSecond + " requests per second to Twilio"
                + " (transactionsPerSecond) and " + queueSize + " requests are already waiting for their turn"
                + " (throttleQueueSize), so the request was not sent");
        this.transactionsPerSecond = transactionsPerSecond;
        this.queueSize = queueSize;
    }

    /** The node's limit, the setting transactionsPerSecond. */
    public int getTransactionsPerSecond() {
        return transactionsPerSecond;
    }

    /** How many requests may wait for their turn, the setting throttleQueueSize. */
    public int getQueueSize() {
        return queueSize;
    }
}
