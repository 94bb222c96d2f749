package dev.twilioconnector.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list of the newer products (Conversations, Insights), in their envelope: the records under the
 * list's key and a {@code meta} object ({@code page}, {@code page_size}, {@code first_page_url},
 * {@code previous_page_url}, {@code url}, {@code next_page_url}, {@code key}) whose links name Twilio's host, as
 * Twilio's do, carry the list's filters, and continue with a {@code PageToken}. A token names the position the
 * page starts at ({@code PT} and the offset), so a list that changes between two pages shifts as an offset would.
 *
 * @param listUrl     Twilio's URL of the list, without a query ({@code https://conversations.twilio.com/v1/Conversations})
 * @param key         the key of the records in the answer and {@code meta.key} ({@code conversations})
 * @param maxPageSize the largest {@code PageSize} the list takes, as its description says
 */
record MetaPage(String listUrl, String key, int maxPageSize) {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final String TOKEN = "PT";

    /**
     * The page {@code query} asks for ({@code PageSize}, {@code Page}, {@code PageToken}) of {@code records}, already
     * filtered and in list order; {@code filters} are the query parameters the links carry over.
     */
    Map<String, Object> answer(List<Map<String, Object>> records, Params query, Map<String, String> filters) {
        int pageSize = Params.whole(query.first("PageSize"), DEFAULT_PAGE_SIZE, "PageSize", 1, maxPageSize,
                TwilioError::invalidParameter);
        int page = Params.whole(query.first("Page"), 0, "Page", 0, Integer.MAX_VALUE, TwilioError::invalidParameter);
        int from = query.hasValue("PageToken") ? offset(query.first("PageToken"))
                : (int) Math.min(Integer.MAX_VALUE, (long) page * pageSize);
        from = Math.min(from, records.size());
        int to = Math.min(records.size(), from + pageSize);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", pageSize);
        meta.put("first_page_url", url(filters, pageSize, 0, null));
        meta.put("previous_page_url", page == 0 || from == 0 ? null
                : url(filters, pageSize, page - 1, Math.max(0, from - pageSize)));
        meta.put("url", url(filters, pageSize, page, from == 0 ? null : from));
        meta.put("next_page_url", to < records.size() ? url(filters, pageSize, page + 1, to) : null);
        meta.put("key", key);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meta", meta);
        answer.put(key, List.copyOf(records.subList(from, to)));
        return answer;
    }

    private String url(Map<String, String> filters, int pageSize, int page, Integer offset) {
        StringBuilder url = new StringBuilder(listUrl).append('?');
        filters.forEach((name, value) -> url.append(Params.encode(name)).append('=').append(Params.encode(value))
                .append('&'));
        url.append("PageSize=").append(pageSize).append("&Page=").append(page);
        if (offset != null) {
            url.append("&PageToken=").append(TOKEN).append(offset);
        }
        return url.toString();
    }

    private static int offset(String token) {
        if (token.startsWith(TOKEN)) {
            try {
                return Integer.parseInt(token.substring(TOKEN.length()));
            } catch (NumberFormatException notAnOffset) {
                // answered below
            }
        }
        throw TwilioError.invalidParameter("PageToken '" + token + "' is not a token a page's links gave");
    }

}
