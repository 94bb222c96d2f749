package dev.twilioconnector.operation;

import dev.twilioconnector.error.TwilioConnectorInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a List continues. Opaque to users: the URI Twilio gave as {@code next_page_uri} (never
 * rebuilt by hand) and how many records of that page were already returned, or, for a sorted
 * List, the offset into the sorted result.
 */
record PageToken(String uri, int skip) {

    private static final String SORTED = "sorted";

    static PageToken sortedOffset(int offset) {
        return new PageToken(SORTED, offset);
    }

    boolean sorted() {
        return SORTED.equals(uri);
    }

    String encode() {
        String raw = skip + "|" + uri;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param listPath the entity's list path; a token that leads anywhere else is refused
     */
    static PageToken decode(String token, String listPath) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            int skip = Integer.parseInt(raw.substring(0, bar));
            String uri = raw.substring(bar + 1);
            boolean ours = SORTED.equals(uri) || uri.startsWith(listPath + "?") && !uri.contains("#");
            if (skip < 0 || !ours) {
                throw new IllegalArgumentException();
            }
            return new PageToken(uri, skip);
        } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
            throw new TwilioConnectorInputException("pageToken '" + token
                    + "' was not issued for this List; pass the CamelTwilioConnectorNextPageToken of the previous page unchanged");
        }
    }
}
