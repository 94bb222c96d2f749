package dev.twilioconnector.resilience;

import dev.twilioconnector.error.InvalidSettingException;

/**
 * The node throttle of one connection.
 *
 * @param transactionsPerSecond requests per second this node may send to Twilio; N nodes send N times as many
 * @param queueSize             requests that may wait for their turn behind the one due next; one more fails at once
 */
public record ThrottleSettings(int transactionsPerSecond, int queueSize) {

    public static final int DEFAULT_TRANSACTIONS_PER_SECOND = 25;
    /** Four seconds of requests at the default rate. */
    public static final int DEFAULT_QUEUE_SIZE = 100;

    public ThrottleSettings {
        if (transactionsPerSecond < 1) {
            throw new InvalidSettingException("transactionsPerSecond", "is " + transactionsPerSecond
                    + ": give the requests per second this node may send to Twilio, at least 1");
        }
        if (queueSize < 0) {
            throw new InvalidSettingException("throttleQueueSize", "is " + queueSize
                    + ": give how many requests may wait for their turn, 0 or more");
        }
    }
}
