package dev.twilioconnector.wire;

import java.util.List;
import java.util.Map;

/**
 * One page of a List as Twilio answered it.
 *
 * @param records     the page's records, read as {@link RecordReader} reads each
 * @param nextPageUri the 2010 API's {@code next_page_uri}, null on the last page or in the other products
 * @param nextPageUrl the other products' {@code meta.next_page_url}, a whole URL, null on the last page or in the
 *                    2010 API
 */
public record WirePage(List<Map<String, Object>> records, String nextPageUri, String nextPageUrl) {
}
