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
 * @param param        Twilio's form or query parameter name ({@code From}), or null when it is never sent
 * @param input        the operations that accept the field in the payload
 * @param required     the operations that require it
 * @param filters      the query parameters Twilio filters this field with, by bound
 * @param description  what the field holds, for the documentation
 */
public record Field(
        String name,
        String wire,
        FieldType type,
        String param,
        Set<Operation> input,
        Set<Operation> required,
        Map<Bound, String> filters,
        String description) {

    public Field {
        input = ordered(input);
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

    /** True when records carry this field. */
    public boolean returned() {
        return wire != null;
    }

    public boolean acceptedOn(Operation operation) {
        return input.contains(operation);
    }
}
