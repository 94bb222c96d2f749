package dev.twilioconnector.action;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an action returns. Mostly the record its request made or read, an entity's record like any operation's;
 * but where Twilio answers with something that is no entity's record (a caller ID's validation request answers
 * the code to key in and the call that asks for it, not a caller ID), the action declares the fields of that
 * answer it returns, each a field of the request's entity, typed and read from the wire as the entity has it.
 *
 * @param entity the entity whose record is returned, or whose fields the declared ones are
 * @param fields the fields returned, in order
 * @param record whether the output is the entity's whole record rather than declared fields of Twilio's answer
 */
public record ActionOutput(Entity entity, List<Field> fields, boolean record) {

    public ActionOutput {
        fields = List.copyOf(fields);
    }

    /** The entity's record, with every field it returns. */
    static ActionOutput recordOf(Entity entity) {
        return new ActionOutput(entity, entity.fields().stream().filter(Field::returned).toList(), true);
    }

    /** The declared fields of Twilio's answer to a request on {@code entity}. */
    static ActionOutput fieldsOf(Entity entity, List<Field> fields) {
        return new ActionOutput(entity, fields, false);
    }

    /** The output made of what the request (or the last read of a wait) answered. */
    public Map<String, Object> of(Map<String, Object> answer) {
        if (record) {
            return answer;
        }
        Map<String, Object> output = new LinkedHashMap<>();
        fields.forEach(field -> output.put(field.name(), answer.get(field.name())));
        return output;
    }

    /** The field that holds the SID of the record returned; empty when what is returned is no record. */
    public Optional<String> idField() {
        return record ? Optional.of(entity.idField()) : Optional.empty();
    }
}
