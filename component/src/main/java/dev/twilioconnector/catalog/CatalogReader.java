package dev.twilioconnector.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Reads the catalog's JSON description into {@link Entity} values. */
final class CatalogReader {

    static final String RESOURCE = "/dev/twilioconnector/catalog/entities.json";

    private record EntityJson(String name, String description, Map<String, String> operations, String listKey,
                              String idField, String idPattern, List<String> parentKeys, String timeField,
                              boolean legacy, List<FieldJson> fields) {
    }

    private record FieldJson(String name, String wire, FieldType type, String param, List<String> input,
                             List<String> required, Map<String, String> filters, String description) {
    }

    private record CatalogJson(List<EntityJson> entities) {
    }

    private CatalogReader() {
    }

    static Catalog readDefault() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The catalog resource " + RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog " + RESOURCE, e);
        }
    }

    static Catalog read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CatalogJson json = mapper.readValue(in, CatalogJson.class);
        return new Catalog(json.entities().stream().map(CatalogReader::toEntity).toList());
    }

    private static Entity toEntity(EntityJson json) {
        Map<Operation, HttpBinding> operations = new EnumMap<>(Operation.class);
        json.operations().forEach((label, binding) -> operations.put(operation(label, json.name()), HttpBinding.parse(binding)));
        List<Field> fields = json.fields().stream().map(field -> toField(field, json.name())).toList();
        return new Entity(json.name(), json.description(), operations, json.listKey(), json.idField(), json.idPattern(),
                json.parentKeys() == null ? List.of() : json.parentKeys(), json.timeField(), json.legacy(), fields);
    }

    private static Field toField(FieldJson json, String entity) {
        Map<Bound, String> filters = new EnumMap<>(Bound.class);
        if (json.filters() != null) {
            json.filters().forEach((symbol, param) -> filters.put(Bound.fromSymbol(symbol), param));
        }
        return new Field(json.name(), json.wire(), json.type(), json.param(), operations(json.input(), entity),
                operations(json.required(), entity), filters, json.description());
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
