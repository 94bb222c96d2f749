package dev.twilioconnector.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One named field of an entity's records.
 *
 * @param name         the connector's column name, PascalCase ({@code Sender} for Twilio's {@code From},
 *                     {@code Name} for {@code FriendlyName})
 * @param wire         the key in Twilio's JSON response ({@code date_sent}), or null when Twilio never
 *                     returns it (a parameter that is only sent)
 * @param type         the type records carry
 * @param param        Twilio's name for the field in a request ({@code From}, {@code If-Match}), or null when it is
 *                     never sent
 * @param input        the operations that send the field in their body
 * @param query        the operations other than List that send it as a query parameter ({@code Fields} of a
 *                     Lookups Get)
 * @param headers      the operations that send it as a request header ({@code X-Twilio-Webhook-Enabled})
 * @param required     the operations that require it
 * @param filters      the query parameters Twilio filters this field with, by bound
 * @param description  what the field holds, for the documentation
 * @param commaJoined  true when records hold a list that requests take as one comma-separated text, as the
 *                     description's request says ({@code QualityIssues} of an Insights annotation)
 */
public record Field(
        String name,
        String wire,
        FieldType type,
        String param,
        Set<Operation> input,
        Set<Operation> query,
        Set<Operation> headers,
        Set<Operation> required,
        Map<Bound, String> filters,
        String description,
        boolean commaJoined) {

    public Field {
        input = ordered(input);
        query = ordered(query);
        headers = ordered(headers);
        required = ordered(required);
        EnumMap<Bound, String> byBound = new EnumMap<>(Bound.class);
        if (filters != null) {
            byBound.putAll(filters);
        }
        filters = Collections.unmodifiableMap(byBound);
    }

    private static Set<Operation> ordered(Set<Operation> operations) {
        EnumSet<Operation> copy = EnumSet.noneOf(Operation.class);
        if (operations != null) {
            copy.addAll(operations);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** True when Twilio can filter on this field with the given bound. */
    public Optional<String> filterParam(Bound bound) {
        return Optional.ofNullable(filters.get(bound));
    }

    /**
     * A search parameter that Twilio evaluates but never returns ({@code AreaCode} of available
     * numbers): it can be pushed to Twilio, never evaluated on a record.
     */
    public boolean searchOnly() {
        return wire == null && !filters.isEmpty();
    }

    /**
     * True when Twilio filters the field by a value that records hold as an object ({@code To} of Insights' call
     * summaries is the called party, a number among other things): {@code Field = value} is sent to Twilio and taken
     * as Twilio's, as no record's object compares with a text.
     */
    public boolean comparedByTwilioOnly() {
        return (type == FieldType.OBJECT || type == FieldType.LIST) && filters.containsKey(Bound.EQUAL);
    }

    /** True when records carry this field. */
    public boolean returned() {
        return wire != null;
    }

    /** True when the operation takes the field from the payload: in its body, its query or its headers. */
    public boolean acceptedOn(Operation operation) {
        return input.contains(operation) || query.contains(operation) || headers.contains(operation);
    }

    /** True when some operation sends the field in its query (List aside) or as a header, rather than in its body. */
    public boolean parameterOfTheRequest() {
        return !query.isEmpty() || !headers.isEmpty();
    }
}
