package dev.twilioconnector.runtime.state;

import java.util.Map;

/**
 * How far along its delivery a message's status is: queued &lt; sending &lt; sent &lt; delivered, undelivered,
 * failed, canceled &lt; read; any other status (accepted, scheduled, received) ranks below them all.
 */
final class DeliveryRank {

    private static final Map<String, Integer> RANKS = Map.of("queued", 1, "sending", 2, "sent", 3, "delivered", 4,
            "undelivered", 4, "failed", 4, "canceled", 4, "read", 5);

    private DeliveryRank() {
    }

    static int of(Object status) {
        return status == null ? 0 : RANKS.getOrDefault(status.toString().toLowerCase(java.util.Locale.ROOT), 0);
    }
}
