package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's parameters as the properties of the records a description answers with: {@code FriendlyName} is
 * {@code friendly_name}, and each value takes its property's type (a form's {@code "5"} an integer, a form's JSON
 * text an object, repeated parameters an array).
 */
final class DescribedFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DescribedFields() {
    }

    /** {@code FriendlyName} to {@code friendly_name}, {@code SmsUrl} to {@code sms_url}; already snake_case stays. */
    static String property(String parameter) {
        return parameter.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    /** Sets the record's properties from a form: each parameter that names a property, in its property's type. */
    static void fromForm(Params form, Map<String, JsonNode> properties, Map<String, Object> record) {
        for (String name : form.names()) {
            String property = property(name);
            JsonNode schema = properties.get(property);
            if (schema != null) {
                record.put(property, typed(form.all(name), schema));
            }
        }
    }

    /** Sets the record's properties from a JSON body's fields that name one. */
    static void fromJson(JsonNode body, Map<String, JsonNode> properties, Map<String, Object> record) {
        body.fields().forEachRemaining(field -> {
            String property = property(field.getKey());
            if (properties.containsKey(property)) {
                record.put(property, MAPPER.convertValue(field.getValue(), Object.class));
            }
        });
    }

    static JsonNode parse(String json) {
        try {
            JsonNode body = MAPPER.readTree(json);
            if (body == null || !body.isObject()) {
                throw TwilioError.invalidParameter("The request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw TwilioError.invalidParameter("The request body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A value given as text (a form's, a path's, a default's) in the type of {@code schema}. */
    static Object typed(List<String> values, JsonNode schema) {
        String type = schema.path("type").asText("");
        if ("array".equals(type)) {
            if (values.size() == 1 && values.get(0).startsWith("[")) {
                return json(values.get(0));
            }
            List<Object> items = new ArrayList<>();
            values.forEach(v -> items.add(typed(List.of(v), schema.path("items"))));
            return items;
        }
        String value = values.get(values.size() - 1);
        try {
            return switch (type) {
                case "integer" -> Long.parseLong(value);
                case "number" -> new BigDecimal(value);
                case "boolean" -> "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)
                        ? Boolean.valueOf(value) : value;
                case "string" -> value;
                default -> value.startsWith("{") || value.startsWith("[") ? json(value) : value;
            };
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private static Object json(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }
}
