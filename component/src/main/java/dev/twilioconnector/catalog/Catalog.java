package dev.twilioconnector.catalog;

import dev.twilioconnector.error.TwilioConnectorInputException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
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

    /** The keys of the products besides the 2010 API ({@code verify}, {@code conversations}). */
    public Set<String> products() {
        return entities.values().stream().map(Entity::product).filter(product -> !product.equals(Entity.API_PRODUCT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Finds an entity by name, ignoring case. */
    public Optional<Entity> entity(String name) {
        return Optional.ofNullable(entities.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The entity of that name, or an input error that lists the entities there are: those of the product the name
     * starts with ({@code Verify.}), or else the 2010 API's and the other products.
     */
    public Entity require(String name) {
        return entity(name).orElseThrow(() -> new TwilioConnectorInputException(
                "Unknown entity '" + name + "'. " + known(name)));
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

    private String known(String name) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            String product = name.substring(0, dot + 1).toLowerCase(Locale.ROOT);
            String same = sortedNames(entity -> entity.name().toLowerCase(Locale.ROOT).startsWith(product));
            if (!same.isEmpty()) {
                return "Entities of " + name.substring(0, dot) + ": " + same;
            }
        }
        String products = entities.values().stream().map(Entity::name).filter(entity -> entity.indexOf('.') > 0)
                .map(entity -> entity.substring(0, entity.indexOf('.'))).distinct().sorted()
                .collect(Collectors.joining(", "));
        return "Known entities: " + sortedNames(entity -> entity.name().indexOf('.') < 0)
                + (products.isEmpty() ? "" : "; and of the products " + products + " as <Product>.<Resource>");
    }

    private String sortedNames(Predicate<Entity> which) {
        return entities.values().stream().filter(which).map(Entity::name).sorted().collect(Collectors.joining(", "));
    }
}
