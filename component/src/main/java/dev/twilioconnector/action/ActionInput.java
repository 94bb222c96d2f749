package dev.twilioconnector.action;

import dev.twilioconnector.catalog.FieldType;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One input parameter of an action.
 *
 * @param name        the connector's name, PascalCase, as the body's key and after the header prefix
 * @param type        what the value must be
 * @param required    whether every call must give it
 * @param allowed     the only values it takes, empty when any value of the type goes
 * @param aliases     other names it is accepted by, Twilio's own among them ({@code From} for {@code Sender})
 * @param pattern     the shape a text value must have (a SID's prefix and length), or null
 * @param description what it means, for the documentation
 * @param defaultValue the value it takes when not given, or null
 */
public record ActionInput(String name, FieldType type, boolean required, List<String> allowed, List<String> aliases,
                          Pattern pattern, String description, String defaultValue) {

    /** An input comes from the header of this prefix and its name too ({@code CamelTwilioConnectorTo}). */
    public static final String HEADER_PREFIX = "CamelTwilioConnector";

    public ActionInput {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The header that gives this input, winning over the body. */
    public String header() {
        return HEADER_PREFIX + name;
    }

    /** Whether {@code key} names this input, by its name or an alias, ignoring case. */
    boolean isCalled(String key) {
        return name.equalsIgnoreCase(key) || aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(key));
    }
}
