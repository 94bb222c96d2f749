package dev.twilioconnector.filter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How a filterClause is carried out: what goes to Twilio (query parameters, parent keys that fill the
 * path, an id to GET) and the predicate that every record returned must still satisfy. The predicate
 * evaluates the whole clause but for what only Twilio can decide (a parent given by its unique name, a value Twilio
 * compares with a record's object), so the result does not depend on Twilio's other filters being exact.
 */
public final class FilterPlan {

    private final FilterClause clause;
    private final Map<String, List<String>> queryParameters;
    private final Map<String, String> parentKeys;
    private final Map<String, String> requestValues;
    private final String id;
    private final RecordPredicate predicate;
    private final boolean exact;

    FilterPlan(FilterClause clause, Map<String, List<String>> queryParameters, Map<String, String> parentKeys,
               Map<String, String> requestValues, String id, boolean exact, Expression checkedOnRecords) {
        this.clause = clause;
        Map<String, List<String>> params = new LinkedHashMap<>();
        queryParameters.forEach((name, values) -> params.put(name, List.copyOf(values)));
        this.queryParameters = Collections.unmodifiableMap(params);
        this.parentKeys = Collections.unmodifiableMap(new LinkedHashMap<>(parentKeys));
        this.requestValues = Collections.unmodifiableMap(new LinkedHashMap<>(requestValues));
        this.id = id;
        this.predicate = RecordPredicate.of(checkedOnRecords);
        this.exact = exact;
    }

    public FilterClause clause() {
        return clause;
    }

    /** True when the clause states no condition; Update and Delete must refuse such a plan. */
    public boolean isEmpty() {
        return clause.isEmpty();
    }

    /**
     * The query parameters to send to Twilio, in clause order: Twilio's parameter name (the bound is part
     * of it, {@code DateSent>}) to its values, already rendered as Twilio expects. A name can repeat.
     */
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    /** The query parameters as one URL-encoded query string ({@code DateSent%3E=2024-06-01&To=%2B1555...}), "" when none. */
    public String queryString() {
        return queryParameters.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + '=' + encode(value)))
                .collect(Collectors.joining("&"));
    }

    /**
     * The parent keys that a top-level {@code MessageSid = '...'} conjunct gives, by the entity's parent key
     * name: they fill the path, they are not query parameters. The values hold only letters, digits and
     * {@code _ - . +}; the caller still checks them against the parent's id shape.
     */
    public Map<String, String> parentKeys() {
        return parentKeys;
    }

    /**
     * The values of top-level {@code Field = value} conjuncts on fields that an operation sends in its query (List
     * aside) or as a header ({@code Fields} of a Lookups Get, {@code If-Match}), by field name, rendered as Twilio
     * expects: the operation takes the ones it sends.
     */
    public Map<String, String> requestValues() {
        return requestValues;
    }

    /** The entity's parent keys that the clause does not give. */
    public List<String> missingParentKeys() {
        return clause.entity().parentKeys().stream().filter(key -> !parentKeys.containsKey(key)).toList();
    }

    /**
     * The id of a top-level {@code Sid = '...'} conjunct when it has the shape of the entity's id, so the
     * caller can GET one record instead of listing. The record fetched must still pass {@link #matches}.
     */
    public Optional<String> idEquality() {
        return Optional.ofNullable(id);
    }

    /** True when the record satisfies the clause, as checked on records (SQL semantics: TRUE, not UNKNOWN). */
    public boolean matches(Map<String, Object> record) {
        return predicate.test(record);
    }

    public Predicate<Map<String, Object>> predicate() {
        return predicate;
    }

    /**
     * False when every condition was handed to Twilio with the same meaning it has here, so Twilio's
     * pages are already exact (a hint for paging; {@link #matches} is correct either way).
     */
    public boolean needsLocalFiltering() {
        return !exact;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "FilterPlan[query=" + queryString() + ", parentKeys=" + parentKeys + ", id=" + id + ", where="
                + clause.toSql() + "]";
    }
}
