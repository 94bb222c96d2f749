package dev.twilioconnector.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a described list as Twilio answers it: the records under the list's key and {@code meta} with its
 * links on Twilio's own origin, {@code PageSize} and {@code Page} after the list's filters, which each link keeps.
 */
final class DescribedPage {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private DescribedPage() {
    }

    /**
     * @param records newest first, already filtered
     * @param url     the list's URL on Twilio's origin, without a query
     * @param filters the filters the request gave, by parameter name
     */
    static Map<String, Object> of(List<Map<String, Object>> records, String key, String url,
                                  Map<String, String> filters, Params query, int maxPageSize) {
        int pageSize = Params.whole(query.first("PageSize"), DEFAULT_PAGE_SIZE, "PageSize", 1, maxPageSize,
                TwilioError::invalidParameter);
        int page = Params.whole(query.first("Page"), 0, "Page", 0, Integer.MAX_VALUE, TwilioError::invalidParameter);
        int from = (int) Math.min(records.size(), (long) page * pageSize);
        int to = Math.min(records.size(), from + pageSize);
        StringBuilder base = new StringBuilder(url).append('?');
        filters.forEach((name, value) -> base.append(Params.encode(name)).append('=').append(Params.encode(value)).append('&'));
        base.append("PageSize=").append(pageSize).append("&Page=");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", pageSize);
        meta.put("first_page_url", base + "0");
        meta.put("previous_page_url", page == 0 ? null : base + String.valueOf(page - 1));
        meta.put("next_page_url", to < records.size() ? base + String.valueOf(page + 1) : null);
        meta.put("key", key);
        meta.put("url", base + String.valueOf(page));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meta", meta);
        answer.put(key, records.subList(from, to));
        return answer;
    }

}
