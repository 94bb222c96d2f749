package dev.twilioconnector.poll;

import java.time.Instant;
import java.util.Map;

/**
 * A record a poll delivers (new to the poller, or changed since it was delivered), or one it only starts to
 * remember, without delivering it: a record of the lookback window that predates what the cursor knows.
 *
 * @param kind        {@link #CREATED} or {@link #UPDATED}, the value of header CamelTwilioConnectorChange, or
 *                    {@link #REMEMBERED}
 * @param fingerprint what the cursor remembers of its content
 */
public record RecordChange(Map<String, Object> record, String sid, Instant time, String fingerprint, String kind) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String REMEMBERED = "remembered";

    public boolean delivered() {
        return !REMEMBERED.equals(kind);
    }
}
