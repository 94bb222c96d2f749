package dev.twilioconnector.action;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;

import java.util.Map;

/**
 * The plain operation an action makes of its inputs: each input is the entity's field of the same name.
 *
 * @param entity    the entity of the existing catalog
 * @param operation the operation on it
 * @param whenGiven fields set to fixed values when an input is given ({@code SendAt} sets {@code ScheduleType=fixed})
 */
public record ActionRequest(Entity entity, Operation operation, Map<String, Map<String, String>> whenGiven) {

    public ActionRequest {
        whenGiven = whenGiven == null ? Map.of() : Map.copyOf(whenGiven);
    }
}
