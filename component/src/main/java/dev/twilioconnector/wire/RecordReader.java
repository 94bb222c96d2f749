package dev.twilioconnector.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one record of Twilio's JSON (snake_case, RFC 2822 dates, numbers as strings) into a
 * record with the connector's column names, ISO-8601 dates and real numbers. Keys the catalog does
 * not know are kept under their PascalCase name, so nothing Twilio adds is lost.
 */
public final class RecordReader {

    private final ObjectMapper mapper;

    public RecordReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param pathValues the parent keys that addressed the request ({@code MessageSid} of Media), copied
     *                   onto the record where Twilio does not return them
     */
    public Map<String, Object> read(Entity entity, JsonNode wire, Map<String, String> pathValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = wire.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            Field field = entity.fieldByWire(entry.getKey()).orElse(null);
            if (field == null) {
                record.put(ColumnNames.pascal(entry.getKey()), plain(entry.getValue()));
            } else {
                record.put(field.name(), convert(field.type(), entry.getValue()));
            }
        }
        for (String parentKey : entity.parentKeys()) {
            String value = pathValues.get(parentKey);
            if (value != null) {
                record.putIfAbsent(parentKey, value);
            }
        }
        return record;
    }

    private Object convert(FieldType type, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            String text = value.asText();
            switch (type) {
                case DATETIME:
                    return WireDates.toIso(text);
                case INTEGER:
                    return parseOr(text, true);
                case NUMBER:
                    return parseOr(text, false);
                case BOOLEAN:
                    return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : text;
                default:
                    return text;
            }
        }
        return plain(value);
    }

    private static Object parseOr(String text, boolean integer) {
        try {
            return integer ? (Object) Long.valueOf(text) : new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBigDecimal() || value.isDouble() || value.isFloat()) {
            return value.decimalValue();
        }
        return mapper.convertValue(value, Object.class);
    }
}
