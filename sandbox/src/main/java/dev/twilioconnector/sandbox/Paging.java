package dev.twilioconnector.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.function.Predicate;

/**
 * Cuts one page out of the sorted records and wraps it in Twilio's list envelope. A page token seeks to its key
 * in the sorted index and walks from there, so a page costs its own size (plus any records the filters skip),
 * not the size of the list: page 20,000 of a million records is as quick as page 1.
 */
final class Paging {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 1000;

    private Paging() {
    }

    /**
     * @param sorted  every record of the collection, in list order
     * @param matches which of them belong to this list (path bindings, visibility, filters)
     * @param query   the request's query: {@code PageSize}, {@code Page}, {@code PageToken} and the filters
     */
    static Map<String, Object> page(ResolvedPath resolved, String account, NavigableSet<Map<String, Object>> sorted,
                                    Predicate<Map<String, Object>> matches, Params query) {
        ResourceType type = resolved.type();
        int pageSize = Math.min(number(query, "PageSize", DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
        int page = number(query, "Page", 0, 0);
        String token = query.first("PageToken");
        KeysetToken parsed = token == null ? null : KeysetToken.parse(type, token);

        List<Map<String, Object>> items;
        boolean hasNext;
        boolean hasPrevious;
        if (parsed == null) {
            // without a token Page is an offset: the records before it are walked over, as Twilio discourages
            items = take(sorted.iterator(), matches, (long) page * pageSize, pageSize + 1);
            hasNext = items.size() > pageSize;
            hasPrevious = page > 0;
        } else {
            Map<String, Object> key = parsed.probe();
            if (parsed.forward()) {
                items = take(sorted.tailSet(key, false).iterator(), matches, 0, pageSize + 1);
                hasNext = items.size() > pageSize;
                hasPrevious = any(sorted.headSet(key, true).descendingIterator(), matches);
            } else {
                items = take(sorted.headSet(key, false).descendingIterator(), matches, 0, pageSize + 1);
                hasPrevious = items.size() > pageSize;
                hasNext = any(sorted.tailSet(key, true).iterator(), matches);
            }
        }
        if (items.size() > pageSize) {
            items = items.subList(0, pageSize);
        }
        if (parsed != null && !parsed.forward()) {
            items = new ArrayList<>(items);
            Collections.reverse(items);
        }

        String base = resolved.listPath(account) + ".json?" + filterQuery(type, query) + "PageSize=" + pageSize;
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put(type.listKey(), items.stream().map(WireFormat::render).toList());
        envelope.put("page", page);
        envelope.put("page_size", pageSize);
        envelope.put("start", page * pageSize);
        envelope.put("end", page * pageSize + Math.max(items.size() - 1, 0));
        envelope.put("uri", base + "&Page=" + page + (token == null ? "" : "&PageToken=" + token));
        envelope.put("first_page_uri", base + "&Page=0");
        envelope.put("next_page_uri", hasNext && !items.isEmpty()
                ? base + "&Page=" + (page + 1) + "&PageToken=" + KeysetToken.after(type, items.get(items.size() - 1))
                : null);
        envelope.put("previous_page_uri", page > 0 && hasPrevious && !items.isEmpty()
                ? base + "&Page=" + (page - 1) + "&PageToken=" + KeysetToken.before(type, items.get(0))
                : null);
        return envelope;
    }

    /** Up to {@code limit} matching records after skipping {@code skip} matching ones. */
    private static List<Map<String, Object>> take(Iterator<Map<String, Object>> records,
                                                  Predicate<Map<String, Object>> matches, long skip, int limit) {
        List<Map<String, Object>> taken = new ArrayList<>();
        long skipped = 0;
        while (records.hasNext() && taken.size() < limit) {
            Map<String, Object> record = records.next();
            if (matches.test(record) && skipped++ >= skip) {
                taken.add(record);
            }
        }
        return taken;
    }

    private static boolean any(Iterator<Map<String, Object>> records, Predicate<Map<String, Object>> matches) {
        return !take(records, matches, 0, 1).isEmpty();
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
