package dev.twilioconnector.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.error.TwilioConnectorInputException;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The value of one field of a JSON body, as its description types it: an object from a {@code Map} or from JSON text
 * of an object, a list from a {@code List} or JSON text of an array, numbers and booleans as JSON's own, the rest as
 * text. A value of the wrong shape is refused naming the field and the shapes it takes.
 */
final class JsonFieldValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    JsonFieldValues(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode of(Entity entity, Field field, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (field.type()) {
            case OBJECT -> object(entity, field, value);
            case LIST -> list(entity, field, value);
            case INTEGER, NUMBER -> NODES.numberNode(new BigDecimal(FieldValues.number(entity, field, value)));
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(FieldValues.bool(entity, field, value)));
            default -> text(entity, field, value);
        };
    }

    private JsonNode object(Entity entity, Field field, Object value) {
        JsonNode node = value instanceof Map<?, ?> ? mapper.valueToTree(value) : parsed(value);
        if (node == null || !node.isObject()) {
            throw wrongShape(entity, field, "a JSON object: a Map or JSON text of an object", value);
        }
        return node;
    }

    private JsonNode list(Entity entity, Field field, Object value) {
        if (value instanceof Collection<?> values) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(element -> array.add(element instanceof Map<?, ?> || element instanceof Collection<?>
                    ? mapper.valueToTree(element) : text(entity, field, element)));
            return array;
        }
        JsonNode node = parsed(value);
        if (node == null || !node.isArray()) {
            throw wrongShape(entity, field, "a list: a List or JSON text of an array", value);
        }
        return node;
    }

    private static JsonNode text(Entity entity, Field field, Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw wrongShape(entity, field, "a " + field.type().name().toLowerCase(Locale.ROOT), value);
        }
        return NODES.textNode(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
    }

    private JsonNode parsed(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static TwilioConnectorInputException wrongShape(Entity entity, Field field, String shape, Object value) {
        return new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name() + " takes " + shape
                + ", not " + abbreviated(value));
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
    }
}
