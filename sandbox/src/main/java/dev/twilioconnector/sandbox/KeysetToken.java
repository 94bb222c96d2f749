package dev.twilioconnector.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A keyset page token: the sort key (sort field value and id) of the record a page ends (or starts) with.
 * Pages resume after that key rather than at an offset, so records inserted at the head of the list or
 * deleted meanwhile do not shift or repeat the following pages. {@code PA} tokens continue after the key
 * (next page), {@code PB} tokens go back before it (previous page), as Twilio's own tokens are prefixed.
 *
 * @param forward true to continue after {@code probe}, false to go back before it
 * @param probe   a record carrying only the sort field and the id of the key record
 */
record KeysetToken(boolean forward, Map<String, Object> probe) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static String after(ResourceType type, Map<String, Object> record) {
        return "PA" + encode(type, record);
    }

    static String before(ResourceType type, Map<String, Object> record) {
        return "PB" + encode(type, record);
    }

    private static String encode(ResourceType type, Map<String, Object> record) {
        Object value = record.get(sortField(type));
        String typed = value == null ? "0"
                : value instanceof Instant ? "t" + value
                : value instanceof Number ? "n" + value
                : "s" + value;
        String key = record.get(type.id()) + "\n" + typed;
        return ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static KeysetToken parse(ResourceType type, String token) {
        try {
            boolean forward = token.startsWith("PA");
            if (!forward && !token.startsWith("PB")) {
                throw new IllegalArgumentException("unknown token kind");
            }
            String key = new String(Base64.getUrlDecoder().decode(token.substring(2)), StandardCharsets.UTF_8);
            int newline = key.indexOf('\n');
            String typed = key.substring(newline + 1);
            Map<String, Object> probe = new HashMap<>();
            probe.put(type.id(), key.substring(0, newline));
            probe.put(sortField(type), switch (typed.charAt(0)) {
                case 't' -> Instant.parse(typed.substring(1));
                case 'n' -> Double.valueOf(typed.substring(1));
                case 's' -> typed.substring(1);
                default -> null;
            });
            return new KeysetToken(forward, probe);
        } catch (RuntimeException e) {
            throw TwilioError.invalidParameter("Invalid PageToken: " + token);
        }
    }

    private static String sortField(ResourceType type) {
        return type.order().startsWith("-") ? type.order().substring(1) : type.order();
    }
}
