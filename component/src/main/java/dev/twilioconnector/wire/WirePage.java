package dev.twilioconnector.wire;

import java.util.List;
import java.util.Map;

/**
 * One page of a List as Twilio answered it.
 *
 * @param records     the page's records, read as {@link RecordReader} reads each
 * @param nextPageUri Twilio's {@code next_page_uri}, null on the last page
 */
public record WirePage(List<Map<String, Object>> records, String nextPageUri) {
}
