package dev.twilioconnector.runtime.state;

import java.util.Map;

/**
 * Each message's furthest delivery status, for the flow of Twilio's status callbacks, which Twilio does not promise
 * to send in order: bean {@code messageStatuses}.
 */
public interface MessageStatuses {

    /**
     * Keeps {@code callback} (a record with {@code Sid} and {@code Status}) as its message's furthest status if it is
     * at least as far along as the one kept (see {@link DeliveryRank}).
     *
     * @return whether it was kept: false for a callback that came late
     */
    boolean record(Map<String, Object> callback) throws Exception;
}
