package dev.twilioconnector.catalog;

import dev.twilioconnector.error.TwilioConnectorInputException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every entity the connector knows, read once from the declarative description. */
public final class Catalog {

    private static final class Holder {
        private static final Catalog INSTANCE = CatalogReader.readDefault();
    }

    private final Map<String, Entity> entities;

    Catalog(List<Entity> entities) {
        Map<String, Entity> byName = new LinkedHashMap<>();
        for (Entity entity : entities) {
            if (byName.put(entity.name().toLowerCase(Locale.ROOT), entity) != null) {
                throw new IllegalStateException("The catalog describes " + entity.name() + " twice");
            }
        }
        this.entities = Collections.unmodifiableMap(byName);
    }

    /** The catalog shipped with the connector. */
    public static Catalog standard() {
        return Holder.INSTANCE;
    }

    public Collection<Entity> entities() {
        return entities.values();
    }

    /** Finds an entity by name, ignoring case. */
    public Optional<Entity> entity(String name) {
        return Optional.ofNullable(entities.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The entity of that name, or an input error that lists the entities there are. */
    public Entity require(String name) {
        return entity(name).orElseThrow(() -> new TwilioConnectorInputException(
                "Unknown entity '" + name + "'. Known entities: " + names()));
    }

    /** The entity, checked to allow the operation, or an input error that lists the allowed ones. */
    public Entity require(String name, Operation operation) {
        Entity entity = require(name);
        if (!entity.allows(operation)) {
            throw new TwilioConnectorInputException("Entity " + entity.name() + " does not allow "
                    + operation.label() + ". Allowed operations: " + entity.operationLabels());
        }
        return entity;
    }

    public String names() {
        return entities.values().stream().map(Entity::name).sorted().collect(Collectors.joining(", "));
    }
}
