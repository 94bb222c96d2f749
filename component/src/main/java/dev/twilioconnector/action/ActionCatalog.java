package dev.twilioconnector.action;

import dev.twilioconnector.error.TwilioConnectorInputException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every action the connector knows, read once from its declarative description beside the entities'. */
public final class ActionCatalog {

    private static final class Holder {
        private static final ActionCatalog INSTANCE = ActionCatalogReader.readDefault();
    }

    private final Map<String, Action> actions;

    ActionCatalog(List<Action> actions) {
        Map<String, Action> byName = new LinkedHashMap<>();
        for (Action action : actions) {
            if (byName.put(action.name().toLowerCase(Locale.ROOT), action) != null) {
                throw new IllegalStateException("The action catalog describes " + action.name() + " twice");
            }
        }
        this.actions = Collections.unmodifiableMap(byName);
    }

    /** The actions shipped with the connector. */
    public static ActionCatalog standard() {
        return Holder.INSTANCE;
    }

    public Collection<Action> actions() {
        return actions.values();
    }

    /** Finds an action by name, ignoring case. */
    public Optional<Action> action(String name) {
        return Optional.ofNullable(actions.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The action of that name, or an input error that lists the actions there are. */
    public Action require(String name) {
        return action(name).orElseThrow(() -> new TwilioConnectorInputException(
                "Unknown action '" + name + "'. Actions: " + names()));
    }

    public String names() {
        return actions.values().stream().map(Action::name).sorted().collect(Collectors.joining(", "));
    }
}
