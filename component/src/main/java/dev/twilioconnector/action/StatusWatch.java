package dev.twilioconnector.action;

import dev.twilioconnector.catalog.Entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an action waits for the record it made to reach a status: the record is read again (a Get of the entity)
 * until its status field holds one of the statuses that mean the one waited for was reached, or one that means
 * it never will be.
 *
 * @param entity  the entity read again
 * @param field   the record's status field
 * @param reached per status that can be waited for, the statuses that mean it was reached ({@code delivered}
 *                is reached by {@code read} too)
 * @param failed  the statuses that end the wait in failure
 */
public record StatusWatch(Entity entity, String field, Map<String, List<String>> reached, List<String> failed) {

    /** The option value that waits for nothing. */
    public static final String NONE = "none";

    public StatusWatch {
        reached = Collections.unmodifiableMap(new LinkedHashMap<>(reached));
        failed = List.copyOf(failed);
    }

    /** The values waitForStatus takes for this action, {@code none} first. */
    public Set<String> choices() {
        Set<String> choices = new LinkedHashSet<>();
        choices.add(NONE);
        choices.addAll(reached.keySet());
        return choices;
    }
}
