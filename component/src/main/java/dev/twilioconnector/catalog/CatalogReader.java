package dev.twilioconnector.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Reads the catalog's JSON description into {@link Entity} values. */
final class CatalogReader {

    static final String RESOURCE = "/dev/twilioconnector/catalog/entities.json";
    /** Lists the generated catalog files of the other products, beside it in {@code products/}. */
    static final String PRODUCTS = "/dev/twilioconnector/catalog/products/";
    private static final String PRODUCTS_INDEX = PRODUCTS + "index.json";

    private record EntityJson(String name, String description, Map<String, String> operations, String listKey,
                              String idField, String idPattern, List<String> parentKeys,
                              Map<String, String> parentPatterns, String timeField,
                              boolean legacy, Integer maxPageSize, List<String> jsonOperations,
                              List<FieldJson> fields) {
    }

    private record FieldJson(String name, String wire, FieldType type, String param, List<String> input,
                             List<String> query, List<String> headers, List<String> required,
                             Map<String, String> filters, String description, boolean commaJoined) {
    }

    /** A catalog file: the 2010 API's names no product, a generated one names its product and host. */
    private record CatalogJson(String product, String host, List<EntityJson> entities) {
    }

    private record IndexJson(List<String> files) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CatalogReader() {
    }

    static Catalog readDefault() {
        List<Entity> entities = new ArrayList<>(read(RESOURCE));
        for (String file : resource(PRODUCTS_INDEX, IndexJson.class).files()) {
            entities.addAll(read(PRODUCTS + file));
        }
        return new Catalog(entities);
    }

    private static List<Entity> read(String resource) {
        return entities(resource(resource, CatalogJson.class));
    }

    private static <T> T resource(String resource, Class<T> type) {
        try (InputStream in = CatalogReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The catalog resource " + resource + " is missing from the classpath");
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog " + resource, e);
        }
    }

    private static List<Entity> entities(CatalogJson json) {
        Entity.Product product = json.product() == null ? Entity.Product.API : new Entity.Product(json.product(), json.host());
        return json.entities().stream().map(entity -> toEntity(product, entity)).toList();
    }

    private static Entity toEntity(Entity.Product product, EntityJson json) {
        Map<Operation, HttpBinding> operations = new EnumMap<>(Operation.class);
        json.operations().forEach((label, binding) -> operations.put(operation(label, json.name()), HttpBinding.parse(binding)));
        List<Field> fields = json.fields().stream().map(field -> toField(field, json.name())).toList();
        return new Entity(product, json.name(), json.description(), operations, json.listKey(), json.idField(),
                json.idPattern(), json.parentKeys() == null ? List.of() : json.parentKeys(),
                json.parentPatterns() == null ? Map.of() : json.parentPatterns(), json.timeField(),
                json.legacy(), json.maxPageSize() == null ? Entity.API_MAX_PAGE_SIZE : json.maxPageSize(),
                operations(json.jsonOperations(), json.name()), fields);
    }

    private static Field toField(FieldJson json, String entity) {
        Map<Bound, String> filters = new EnumMap<>(Bound.class);
        if (json.filters() != null) {
            json.filters().forEach((symbol, param) -> filters.put(Bound.fromSymbol(symbol), param));
        }
        return new Field(json.name(), json.wire(), json.type(), json.param(), operations(json.input(), entity),
                operations(json.query(), entity), operations(json.headers(), entity), operations(json.required(), entity),
                filters, json.description(), json.commaJoined());
    }

    private static Set<Operation> operations(List<String> labels, String entity) {
        if (labels == null) {
            return Set.of();
        }
        Set<Operation> result = EnumSet.noneOf(Operation.class);
        labels.forEach(label -> result.add(operation(label, entity)));
        return result;
    }

    private static Operation operation(String label, String entity) {
        return Operation.fromLabel(label).orElseThrow(
                () -> new IllegalStateException("Catalog entity " + entity + " names unknown operation " + label));
    }
}
