package dev.twilioconnector.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cuts one page out of a sorted, filtered list and wraps it in Twilio's list envelope. */
final class Paging {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 1000;

    private Paging() {
    }

    /**
     * @param sorted  the matching records, already in list order
     * @param query   the request's query: {@code PageSize}, {@code Page}, {@code PageToken} and the filters
     */
    static Map<String, Object> page(Route route, String account, List<Map<String, Object>> sorted, Params query) {
        ResourceType type = route.type();
        int pageSize = Math.min(number(query, "PageSize", DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
        int page = number(query, "Page", 0, 0);
        String token = query.first("PageToken");

        int from;
        int to;
        if (token == null) {
            from = Math.min(page * pageSize, sorted.size());
            to = Math.min(from + pageSize, sorted.size());
        } else {
            PageToken parsed = PageToken.parse(type, token);
            int boundary = boundary(sorted, parsed, Ordering.of(type));
            from = parsed.forward() ? boundary : Math.max(0, boundary - pageSize);
            to = parsed.forward() ? Math.min(from + pageSize, sorted.size()) : boundary;
        }
        List<Map<String, Object>> items = sorted.subList(from, to);

        String base = route.listPath(account) + ".json?" + filterQuery(type, query) + "PageSize=" + pageSize;
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put(type.listKey(), items.stream().map(WireFormat::render).toList());
        envelope.put("page", page);
        envelope.put("page_size", pageSize);
        envelope.put("start", page * pageSize);
        envelope.put("end", page * pageSize + Math.max(items.size() - 1, 0));
        envelope.put("uri", base + "&Page=" + page + (token == null ? "" : "&PageToken=" + token));
        envelope.put("first_page_uri", base + "&Page=0");
        envelope.put("next_page_uri", to < sorted.size() && !items.isEmpty()
                ? base + "&Page=" + (page + 1) + "&PageToken=" + PageToken.after(type, items.get(items.size() - 1))
                : null);
        envelope.put("previous_page_uri", page > 0 && from > 0 && !items.isEmpty()
                ? base + "&Page=" + (page - 1) + "&PageToken=" + PageToken.before(type, items.get(0))
                : null);
        return envelope;
    }

    /**
     * Index of the first record past the token's key, for a forward token; for a backward token, the index
     * of the key itself or of what now follows it, i.e. the end of the previous page.
     */
    private static int boundary(List<Map<String, Object>> sorted, PageToken token,
                                  Comparator<Map<String, Object>> order) {
        for (int i = 0; i < sorted.size(); i++) {
            int cmp = order.compare(sorted.get(i), token.probe());
            if (token.forward() ? cmp > 0 : cmp >= 0) {
                return i;
            }
        }
        return sorted.size();
    }

    /** The filter parameters of the request, re-encoded for page URIs (they must survive into the next page). */
    private static String filterQuery(ResourceType type, Params query) {
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        type.filters().forEach(f -> names.addAll(Filters.paramNames(f)));
        for (String name : query.names()) {
            if (names.contains(name)) {
                for (String value : query.all(name)) {
                    out.append(Params.encode(name)).append('=').append(Params.encode(value)).append('&');
                }
            }
        }
        return out.toString();
    }

    private static int number(Params query, String name, int fallback, int min) {
        String text = query.first(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw TwilioError.invalidParameter("Invalid " + name + ": '" + text + "'");
    }
}
