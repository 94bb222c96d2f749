package dev.twilioconnector.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorInputException;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a Create or Update payload against the catalog and turns it into Twilio's form
 * parameters. Every problem is reported before any request is sent, naming the field and what is
 * allowed.
 */
public final class PayloadBinder {

    private final ObjectMapper mapper;

    public PayloadBinder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public BoundPayload bind(Entity entity, Operation operation, Map<String, ?> payload) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        FormParameters form = new FormParameters();
        for (Map.Entry<String, ?> entry : payload.entrySet()) {
            Field field = entity.field(entry.getKey()).orElseThrow(() -> unknownField(entity, operation, entry.getKey()));
            if (addressesRequest(entity, operation, field)) {
                pathValues.put(field.name(), text(entity, field, entry.getValue()));
            } else if (field.acceptedOn(operation)) {
                addForm(entity, field, entry.getValue(), form);
            } else {
                throw new TwilioConnectorInputException("Field " + field.name() + " cannot be set on "
                        + entity.name() + " " + operation.label() + ". Fields it accepts: " + accepted(entity, operation));
            }
        }
        for (Field field : entity.fields()) {
            if (field.required().contains(operation) && !pathValues.containsKey(field.name()) && !sent(field, form)) {
                throw new TwilioConnectorInputException(entity.name() + " " + operation.label()
                        + " needs field " + field.name() + " in the payload");
            }
        }
        return new BoundPayload(pathValues, form);
    }

    /**
     * The parent keys a List, Get or Delete payload gives ({@code MessageSid} of Media). The rest of
     * such a body is not input: it is often the previous step's output, so it is left alone.
     */
    public Map<String, String> addressOf(Entity entity, Map<String, ?> payload) {
        Map<String, String> address = new LinkedHashMap<>();
        for (String key : entity.parentKeys()) {
            Object value = payload.get(key);
            if (value != null) {
                address.put(key, text(entity, entity.field(key).orElseThrow(), value));
            }
        }
        return address;
    }

    /** The id and parent keys fill the operation's path; they are not form parameters. */
    private static boolean addressesRequest(Entity entity, Operation operation, Field field) {
        return field.param() == null && !Entity.ACCOUNT_PLACEHOLDER.equals(field.name())
                && entity.binding(operation).placeholders().contains(field.name());
    }

    private static boolean sent(Field field, FormParameters form) {
        return form.entries().stream().anyMatch(entry -> entry.getKey().equals(field.param()));
    }

    private void addForm(Entity entity, Field field, Object value, FormParameters form) {
        if (value instanceof Collection<?> values) {
            for (Object element : values) {
                form.add(field.param(), scalar(entity, field, element));
            }
        } else if (value != null && value.getClass().isArray()) {
            throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name()
                    + " takes a JSON array or a single value");
        } else {
            form.add(field.param(), scalar(entity, field, value));
        }
    }

    private String scalar(Entity entity, Field field, Object value) {
        if (value == null) {
            return "";
        }
        switch (field.type()) {
            case INTEGER:
            case NUMBER:
                return number(entity, field, value);
            case BOOLEAN:
                return bool(entity, field, value);
            case OBJECT:
                return value instanceof Map<?, ?> ? json(value) : value.toString();
            default:
                if (value instanceof Map<?, ?>) {
                    throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name()
                            + " takes a " + field.type().name().toLowerCase(Locale.ROOT) + ", not an object");
                }
                return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
    }

    private String text(Entity entity, Field field, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name()
                + " addresses the request and must be a string, not " + value);
    }

    private static String number(Entity entity, Field field, Object value) {
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            if (field.type() == FieldType.INTEGER && number.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException();
            }
            return number.toPlainString();
        } catch (NumberFormatException notANumber) {
            throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name() + " takes "
                    + (field.type() == FieldType.INTEGER ? "an integer" : "a number")
                    + ", not '" + value + "'");
        }
    }

    private static String bool(Entity entity, Field field, Object value) {
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name()
                + " takes true or false, not '" + value + "'");
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TwilioConnectorInputException("Cannot write a field value as JSON: " + e.getOriginalMessage());
        }
    }

    private static TwilioConnectorInputException unknownField(Entity entity, Operation operation, String name) {
        return new TwilioConnectorInputException("Unknown field '" + name + "' for " + entity.name() + " "
                + operation.label() + ". Fields it accepts: " + accepted(entity, operation));
    }

    private static String accepted(Entity entity, Operation operation) {
        return entity.fields().stream()
                .filter(field -> field.acceptedOn(operation) || addressesRequest(entity, operation, field))
                .map(Field::name)
                .collect(Collectors.joining(", "));
    }
}
