package dev.twilioconnector.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.error.TwilioConnectorInputException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks an action's inputs against its description and brings each value to the one form the request takes:
 * text, an integer, an ISO-8601 instant, a list of texts, JSON text for an object. Every problem is reported
 * before any request, naming the input and what it takes.
 */
public final class ActionInputs {

    private final ObjectMapper mapper;

    public ActionInputs(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param body    the inputs of the body, by name or alias; a key that names no input is an error
     * @param headers inputs from headers, by the input's name; they win over the body's
     * @return the inputs given, by name, in the action's order of inputs
     */
    public Map<String, Object> check(Action action, Map<String, ?> body, Map<String, ?> headers) {
        Map<String, Object> given = new LinkedHashMap<>();
        body.forEach((key, value) -> {
            ActionInput input = action.input(key).orElseThrow(() -> new TwilioConnectorInputException("Unknown input '"
                    + key + "' of action " + action.name() + ". Inputs: " + action.inputNames()));
            if (present(value) && present(given.get(input.name()))) {
                throw new TwilioConnectorInputException("Input " + input.name() + " of action " + action.name()
                        + " is given twice, by its names " + input.name() + " and " + String.join(", ", input.aliases()));
            }
            if (present(value)) {
                given.put(input.name(), value);
            }
        });
        headers.forEach((name, value) -> {
            if (present(value)) {
                given.put(name, value);
            }
        });
        Map<String, Object> checked = new LinkedHashMap<>();
        for (ActionInput input : action.inputs()) {
            Object value = given.get(input.name());
            if (value != null) {
                checked.put(input.name(), value(action, input, value));
            } else if (input.defaultValue() != null) {
                checked.put(input.name(), input.defaultValue());
            } else if (input.required()) {
                throw new TwilioConnectorInputException("Action " + action.name() + " needs input " + input.name()
                        + " (" + input.description() + ")");
            }
        }
        action.rules().forEach(rule -> check(action, rule, checked));
        return checked;
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }

    private static void check(Action action, InputRule rule, Map<String, Object> given) {
        if (rule instanceof InputRule.Needs needs) {
            if (given.containsKey(needs.input()) && !given.containsKey(needs.needed())) {
                throw new TwilioConnectorInputException("Input " + needs.input() + " of action " + action.name()
                        + " needs input " + needs.needed() + " as well");
            }
            return;
        }
        InputRule.Alternatives alternatives = (InputRule.Alternatives) rule;
        List<List<String>> used = alternatives.alternatives().stream()
                .filter(alternative -> alternative.stream().anyMatch(given::containsKey))
                .toList();
        String choices = alternatives.alternatives().stream().map(alternative -> String.join(" and/or ", alternative))
                .collect(Collectors.joining(", or "));
        if (used.isEmpty()) {
            throw new TwilioConnectorInputException("Action " + action.name() + " needs " + choices);
        }
        if (alternatives.exclusive() && used.size() > 1) {
            throw new TwilioConnectorInputException("Action " + action.name() + " takes " + choices + ", not more than one"
                    + " of them: got " + given.keySet().stream().filter(name -> used.stream().anyMatch(u -> u.contains(name)))
                    .collect(Collectors.joining(", ")));
        }
    }

    private Object value(Action action, ActionInput input, Object value) {
        Object typed = switch (input.type()) {
            case LIST -> list(action, input, value);
            case OBJECT -> json(action, input, value);
            default -> scalar(action, input, value);
        };
        if (!input.allowed().isEmpty()) {
            return typed instanceof List<?> values
                    ? values.stream().map(element -> allowed(action, input, value, element)).toList()
                    : allowed(action, input, value, typed);
        }
        if (input.pattern() != null && !input.pattern().matcher(typed.toString()).matches()) {
            throw problem(action, input, value, "expected the form " + input.pattern().pattern());
        }
        return typed;
    }

    /** The allowed value {@code typed} names, ignoring case; for a list, {@code typed} is one of its elements. */
    private static String allowed(Action action, ActionInput input, Object value, Object typed) {
        return input.allowed().stream().filter(allowed -> allowed.equalsIgnoreCase(typed.toString())).findFirst()
                .orElseThrow(() -> problem(action, input, value, "allowed " + String.join(", ", input.allowed())));
    }

    private List<String> list(Action action, ActionInput input, Object value) {
        List<String> values = new ArrayList<>();
        for (Object element : value instanceof Collection<?> many ? many : List.of(value)) {
            if (element instanceof Map<?, ?> || element instanceof Collection<?>) {
                throw problem(action, input, value, "expected text or a list of texts");
            }
            values.add(String.valueOf(element));
        }
        return values;
    }

    private String json(Action action, ActionInput input, Object value) {
        try {
            if (value instanceof Map<?, ?>) {
                return mapper.writeValueAsString(value);
            }
            JsonNode parsed = mapper.readTree(value.toString());
            if (parsed != null && parsed.isObject()) {
                return value.toString();
            }
        } catch (JsonProcessingException notJson) {
            // reported below, as any value that is no JSON object
        }
        throw problem(action, input, value, "expected a JSON object or a Map");
    }

    private static Object scalar(Action action, ActionInput input, Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw problem(action, input, value, "expected a single " + input.type().name().toLowerCase(Locale.ROOT));
        }
        String text = value.toString().trim();
        try {
            return switch (input.type()) {
                case INTEGER -> new BigDecimal(text).toBigIntegerExact().longValueExact();
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> bool(action, input, text);
                case DATETIME -> instant(text).toString();
                case DATE -> LocalDate.parse(text).toString();
                default -> value.toString();
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw problem(action, input, value, "expected " + (input.type() == FieldType.INTEGER ? "an integer" : "a number"));
        } catch (DateTimeParseException e) {
            throw problem(action, input, value, "expected an ISO-8601 " + (input.type() == FieldType.DATE
                    ? "date, e.g. 2026-12-24" : "date-time, e.g. 2026-12-24T09:00:00Z"));
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException noZ) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static Boolean bool(Action action, ActionInput input, String text) {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw problem(action, input, text, "allowed true, false");
    }

    private static TwilioConnectorInputException problem(Action action, ActionInput input, Object value, String expected) {
        return new TwilioConnectorInputException("Input " + input.name() + " of action " + action.name() + " '" + value
                + "' is not valid: " + expected);
    }
}
