package dev.twilioconnector.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one record of Twilio's JSON (snake_case, RFC 2822 dates, numbers as strings) into a
 * record with the connector's column names, ISO-8601 dates and real numbers. Keys the catalog does
 * not know are kept under their PascalCase name, so nothing Twilio adds is lost.
 *
 * <p>Twilio's answers are read from Jackson's parser as they arrive, into the records at once; a record already
 * held as a tree (a webhook's form) is read from the tree, into the same record.
 */
public final class RecordReader {

    private static final String NEXT_PAGE = "next_page_uri";
    private static final String META = "meta";
    private static final String META_NEXT_PAGE = "next_page_url";

    private final ObjectMapper mapper;
    private final ObjectReader values;

    public RecordReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.values = mapper.readerFor(Object.class);
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
        return withParentKeys(entity, record, pathValues);
    }

    /**
     * One record: the whole of an answer, as {@link #read(Entity, JsonNode, Map)} reads its tree; an answer that is
     * no JSON object, or empty, gives a record of the parent keys alone.
     *
     * @param json a parser before the answer's first token
     */
    public Map<String, Object> read(Entity entity, JsonParser json, Map<String, String> pathValues) throws IOException {
        return record(entity, json, json.nextToken(), pathValues);
    }

    /**
     * One page of a List: the records under the entity's list key and Twilio's {@code next_page_uri}; an answer that
     * is no JSON object, or a list key that holds no array, has no records.
     *
     * @param json a parser before the answer's first token
     */
    public WirePage readPage(Entity entity, JsonParser json, Map<String, String> pathValues) throws IOException {
        List<Map<String, Object>> records = List.of();
        String nextPage = null;
        String nextPageUrl = null;
        if (json.nextToken() != JsonToken.START_OBJECT) {
            json.skipChildren();
            return new WirePage(records, null, null);
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            JsonToken value = json.nextToken();
            if (key.equals(entity.listKey())) {
                records = new ArrayList<>();
                if (value == JsonToken.START_ARRAY) {
                    for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
                        records.add(record(entity, json, element, pathValues));
                    }
                } else {
                    json.skipChildren();
                }
            } else if (key.equals(NEXT_PAGE)) {
                nextPage = json.getValueAsString("");
                json.skipChildren();
            } else if (key.equals(META) && value == JsonToken.START_OBJECT) {
                nextPageUrl = nextPageUrl(json);
            } else {
                json.skipChildren();
            }
        }
        return new WirePage(records, emptyAsNull(nextPage), emptyAsNull(nextPageUrl));
    }

    /** The {@code next_page_url} of the other products' {@code meta} object, the parser inside it. */
    private static String nextPageUrl(JsonParser json) throws IOException {
        String url = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            if (key.equals(META_NEXT_PAGE)) {
                url = json.getValueAsString("");
            }
            json.skipChildren();
        }
        return url;
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private Map<String, Object> record(Entity entity, JsonParser json, JsonToken first, Map<String, String> pathValues)
            throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        if (first != JsonToken.START_OBJECT) {
            json.skipChildren();
            return withParentKeys(entity, record, pathValues);
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            JsonToken value = json.nextToken();
            Field field = entity.fieldByWire(key).orElse(null);
            if (field == null) {
                record.put(ColumnNames.pascal(key), plain(json, value));
            } else if (value == JsonToken.VALUE_STRING) {
                record.put(field.name(), convert(field.type(), json.getText()));
            } else {
                record.put(field.name(), plain(json, value));
            }
        }
        return withParentKeys(entity, record, pathValues);
    }

    private static Map<String, Object> withParentKeys(Entity entity, Map<String, Object> record,
                                                      Map<String, String> pathValues) {
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
            return convert(type, value.asText());
        }
        return plain(value);
    }

    private static Object convert(FieldType type, String text) {
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

    /** What {@link #plain(JsonNode)} gives for the value the parser is on, as Jackson's tree would hold it. */
    private Object plain(JsonParser json, JsonToken value) throws IOException {
        switch (value) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return json.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_FLOAT:
                return switch (json.getNumberType()) {
                    case BIG_DECIMAL -> json.getDecimalValue();
                    case FLOAT -> BigDecimal.valueOf(json.getFloatValue());
                    default -> BigDecimal.valueOf(json.getDoubleValue());
                };
            default:
                return values.readValue(json);
        }
    }
}
