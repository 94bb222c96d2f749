package dev.twilioconnector.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Twilio resource presented as a table: its operations and the HTTP request each becomes, the
 * shape of its id, its parent keys and its fields.
 */
public final class Entity {

    /** The path placeholder that always comes from the connection, never from the user. */
    public static final String ACCOUNT_PLACEHOLDER = "AccountSid";

    /** The product of the 2010 API's entities, the key of its base URL. */
    public static final String API_PRODUCT = "api";
    public static final String API_HOST = "https://api.twilio.com";
    /** The largest page the 2010 API's lists give. */
    public static final int API_MAX_PAGE_SIZE = 1000;

    private final String name;
    private final Product product;
    private final String description;
    private final Map<Operation, HttpBinding> operations;
    private final String listKey;
    private final String idField;
    private final Pattern idPattern;
    private final SidShape idShape;
    private final List<String> parentKeys;
    private final Map<String, Pattern> parentPatterns;
    private final String timeField;
    private final boolean legacy;
    private final int maxPageSize;
    private final Set<Operation> jsonBodies;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Map<String, Field> fieldsByWire;

    /** The product a catalog file describes: the key of its base URL, and the host Twilio serves it on. */
    record Product(String key, String host) {

        static final Product API = new Product(API_PRODUCT, API_HOST);
    }

    /** An entity of the 2010 API. */
    Entity(String name, String description, Map<Operation, HttpBinding> operations, String listKey, String idField,
           String idPattern, List<String> parentKeys, String timeField, boolean legacy, List<Field> fields) {
        this(Product.API, name, description, operations, listKey, idField, idPattern, parentKeys, Map.of(), timeField,
                legacy, API_MAX_PAGE_SIZE, Set.of(), fields);
    }

    /**
     * @param parentPatterns the shape of each parent key whose value is not a SID, as its description gives it
     * @param maxPageSize    the largest {@code PageSize} the entity's list takes
     * @param jsonBodies     the operations whose body is JSON rather than a form
     */
    Entity(Product product, String name, String description, Map<Operation, HttpBinding> operations, String listKey,
           String idField, String idPattern, List<String> parentKeys, Map<String, String> parentPatterns,
           String timeField, boolean legacy, int maxPageSize, Set<Operation> jsonBodies, List<Field> fields) {
        Map<String, Pattern> shapes = new LinkedHashMap<>();
        parentPatterns.forEach((key, pattern) -> shapes.put(key, Pattern.compile(pattern)));
        this.parentPatterns = Collections.unmodifiableMap(shapes);
        this.product = product;
        this.maxPageSize = maxPageSize;
        this.jsonBodies = jsonBodies.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(jsonBodies));
        this.name = name;
        this.description = description;
        this.operations = Collections.unmodifiableMap(new EnumMap<>(operations));
        this.listKey = listKey;
        this.idField = idField;
        this.idPattern = idPattern == null ? null : Pattern.compile(idPattern);
        this.idShape = idPattern == null ? null : SidShape.of(idPattern);
        this.parentKeys = List.copyOf(parentKeys);
        this.timeField = timeField;
        this.legacy = legacy;
        this.fields = List.copyOf(fields);
        Map<String, Field> byName = new LinkedHashMap<>();
        Map<String, Field> byWire = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.put(field.name().toLowerCase(Locale.ROOT), field);
            if (field.wire() != null) {
                // Jackson interns the keys it reads, so the lookup of each key of an answer finds its field by identity
                byWire.put(field.wire().intern(), field);
            }
        }
        // Twilio's own names are aliases: From for Sender, FriendlyName for Name, friendly_name too.
        for (Field field : fields) {
            if (field.param() != null) {
                byName.putIfAbsent(field.param().toLowerCase(Locale.ROOT), field);
            }
            if (field.wire() != null) {
                byName.putIfAbsent(field.wire().toLowerCase(Locale.ROOT), field);
            }
        }
        this.fieldsByName = Collections.unmodifiableMap(byName);
        this.fieldsByWire = Collections.unmodifiableMap(byWire);
    }

    public String name() {
        return name;
    }

    /** The product whose host serves the entity ({@code verify}); {@code api} for the 2010 API. */
    public String product() {
        return product.key();
    }

    /** The scheme and host Twilio serves the entity on unless the connection points its product elsewhere. */
    public String host() {
        return product.host();
    }

    /** The largest page Twilio's list of this entity gives. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** True when the operation's body is JSON rather than form parameters. */
    public boolean sendsJson(Operation operation) {
        return jsonBodies.contains(operation);
    }

    public String description() {
        return description;
    }

    public Set<Operation> operations() {
        return operations.keySet();
    }

    public boolean allows(Operation operation) {
        return operations.containsKey(operation);
    }

    /** The HTTP request the operation becomes; call only for an allowed operation. */
    public HttpBinding binding(Operation operation) {
        HttpBinding binding = operations.get(operation);
        if (binding == null) {
            throw new IllegalStateException(name + " does not allow " + operation.label());
        }
        return binding;
    }

    /** The JSON key holding the records of a list page, or null when the entity cannot be listed. */
    public String listKey() {
        return listKey;
    }

    /** The field that identifies a record (usually {@code Sid}); null for singletons such as Balance. */
    public String idField() {
        return idField;
    }

    /** True when {@code entityId} has the shape of this entity's id. */
    public boolean isValidId(String id) {
        if (idShape != null) {
            return idShape.matches(id);
        }
        return idPattern != null && idPattern.matcher(id).matches();
    }

    public String idPattern() {
        return idPattern == null ? null : idPattern.pattern();
    }

    /** The path keys of parent records ({@code MessageSid} of Media), given in the filter or payload. */
    public List<String> parentKeys() {
        return parentKeys;
    }

    /** The shape a parent key's value must have, where the catalog gives one ({@code Identity} of Verify factors). */
    public Optional<Pattern> parentPattern(String parentKey) {
        return Optional.ofNullable(parentPatterns.get(parentKey));
    }

    /** The field that orders records in time, for cursors; null when records carry none. */
    public String timeField() {
        return timeField;
    }

    /** True for resources Twilio removed from its description but still serves (call feedback). */
    public boolean legacy() {
        return legacy;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Finds a field by its connector name or one of Twilio's names for it, ignoring case. */
    public Optional<Field> field(String nameOrAlias) {
        return Optional.ofNullable(fieldsByName.get(nameOrAlias.toLowerCase(Locale.ROOT)));
    }

    /** Finds a field by the key Twilio's JSON uses for it. */
    public Optional<Field> fieldByWire(String wire) {
        return Optional.ofNullable(fieldsByWire.get(wire));
    }

    /** The operations' labels, for error messages. */
    public String operationLabels() {
        return operations.keySet().stream().map(Operation::label).collect(Collectors.joining(", "));
    }

    /** The field names, for error messages. */
    public String fieldNames() {
        return fields.stream().map(Field::name).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name;
    }
}
