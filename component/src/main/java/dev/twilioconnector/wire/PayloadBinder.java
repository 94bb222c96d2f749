package dev.twilioconnector.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorInputException;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a Create or Update payload against the catalog and turns it into Twilio's form parameters, or the JSON body
 * of an operation whose description takes one, and the query parameters and headers the operation takes. Every problem is reported before any request is sent, naming the field and what is
 * allowed.
 */
public final class PayloadBinder {

    private final ObjectMapper mapper;
    private final JsonFieldValues jsonValues;

    public PayloadBinder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.jsonValues = new JsonFieldValues(mapper);
    }

    public BoundPayload bind(Entity entity, Operation operation, Map<String, ?> payload) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        FormParameters form = new FormParameters();
        ObjectNode json = entity.sendsJson(operation) ? mapper.createObjectNode() : null;
        FormParameters query = new FormParameters();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : payload.entrySet()) {
            Field field = entity.field(entry.getKey()).orElseThrow(() -> unknownField(entity, operation, entry.getKey()));
            if (addressesRequest(entity, operation, field)) {
                pathValues.put(field.name(), text(entity, field, entry.getValue()));
            } else if (field.headers().contains(operation)) {
                headers.put(field.param(), header(entity, field, entry.getValue()));
            } else if (field.query().contains(operation)) {
                addForm(entity, field, entry.getValue(), query);
            } else if (field.input().contains(operation) && json != null) {
                json.set(field.param(), jsonValues.of(entity, field, entry.getValue()));
            } else if (field.input().contains(operation)) {
                addForm(entity, field, entry.getValue(), form);
            } else {
                throw new TwilioConnectorInputException("Field " + field.name() + " cannot be set on "
                        + entity.name() + " " + operation.label() + ". Fields it accepts: " + accepted(entity, operation));
            }
        }
        BoundPayload bound = new BoundPayload(pathValues, form, json, query, headers);
        for (Field field : entity.fields()) {
            if (field.required().contains(operation) && !pathValues.containsKey(field.name()) && !sent(field, bound)) {
                throw new TwilioConnectorInputException(entity.name() + " " + operation.label()
                        + " needs field " + field.name() + " in the payload");
            }
        }
        return bound;
    }

    /**
     * What addresses a List, Get or Delete, and the query parameters and headers it takes: from the payload (where
     * the rest is not input, as it is often the previous step's output, so it is left alone) and from the
     * filterClause's {@code Field = value} conjuncts, which must name a field the operation takes unless records
     * carry it.
     *
     * @param fromClause the values of the clause's top-level equalities on fields sent in a query or a header
     */
    public BoundPayload request(Entity entity, Operation operation, Map<String, ?> payload, Map<String, String> fromClause) {
        FormParameters query = new FormParameters();
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> given = new LinkedHashMap<>();
        payload.forEach((name, value) -> entity.field(name).filter(field -> field.parameterOfTheRequest())
                .ifPresent(field -> given.put(field.name(), value)));
        fromClause.forEach((name, value) -> {
            Field field = entity.field(name).orElseThrow();
            if (field.acceptedOn(operation)) {
                given.put(field.name(), value);
            } else if (!field.returned() && (operation != Operation.LIST || field.filters().isEmpty())) {
                throw new TwilioConnectorInputException("filterClause: " + field.name() + " is sent to Twilio by "
                        + entity.name() + " " + takenBy(field) + ", not by " + operation.label());
            }
        });
        given.forEach((name, value) -> {
            Field field = entity.field(name).orElseThrow();
            if (field.headers().contains(operation)) {
                headers.put(field.param(), header(entity, field, value));
            } else if (field.query().contains(operation)) {
                addForm(entity, field, value, query);
            }
        });
        return new BoundPayload(addressOf(entity, payload), new FormParameters(), null, query, headers);
    }

    private static String takenBy(Field field) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        operations.addAll(field.query());
        operations.addAll(field.headers());
        return operations.stream().map(Operation::label).collect(Collectors.joining(", "));
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

    private static boolean sent(Field field, BoundPayload bound) {
        return Stream.of(bound.form(), bound.query()).anyMatch(parameters -> parameters.entries().stream()
                .anyMatch(entry -> entry.getKey().equals(field.param())))
                || bound.headers().containsKey(field.param()) || bound.json() != null && bound.json().has(field.param());
    }

    /** A header's value: one line, so that no value can add a header or end the request's head. */
    private String header(Entity entity, Field field, Object value) {
        if (value instanceof Collection<?> || value == null) {
            throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name()
                    + " is the request header " + field.param() + " and takes one value, not " + value);
        }
        String text = scalar(entity, field, value);
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new TwilioConnectorInputException("Field " + field.name() + " of " + entity.name()
                    + " is the request header " + field.param() + " and takes one line of text without control characters");
        }
        return text;
    }

    private void addForm(Entity entity, Field field, Object value, FormParameters form) {
        if (field.commaJoined() && value instanceof Collection<?> values) {
            form.add(field.param(), values.stream().map(element -> scalar(entity, field, element))
                    .collect(Collectors.joining(",")));
        } else if (value instanceof Collection<?> values) {
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
                return FieldValues.number(entity, field, value);
            case BOOLEAN:
                return FieldValues.bool(entity, field, value);
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
