package dev.twilioconnector.catalog.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.twilioconnector.catalog.Bound;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.HttpBinding;
import dev.twilioconnector.catalog.Operation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the catalog of every product but the 2010 API against Twilio's descriptions of it, as
 * {@code CatalogAgainstOfficialSpecTest} holds the 2010 API's: every path and method reachable, no request and no
 * parameter the descriptions do not define.
 */
class ProductCatalogsAgainstDescriptionsTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");
    private static final Set<String> PAGING = Set.of("PageSize", "Page", "PageToken");
    private static final List<ProductDescription> DESCRIPTIONS = ProductDescription.all();
    private final Catalog catalog = Catalog.standard();

    /** Placeholders in Twilio's examples that the description's own pattern for the id refuses. */
    private static final Set<String> EXAMPLES_AGAINST_THEIR_PATTERN = Set.of(
            "Messaging.BrandVettings: VT12445353", "Messaging.ChannelsSenders: XEXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");

    @Test
    void everyPathAndMethodOfEveryDescriptionIsReachableThroughItsProductsEntities() {
        List<String> unreachable = new ArrayList<>();
        for (ProductDescription description : DESCRIPTIONS) {
            description.document().path("paths").fields().forEachRemaining(path -> {
                for (String method : METHODS) {
                    String binding = method.toUpperCase(Locale.ROOT) + ' ' + path.getKey();
                    if (path.getValue().has(method) && productEntities(description.key()).stream()
                            .noneMatch(entity -> bindings(entity).contains(binding))) {
                        unreachable.add(description.file() + ": " + binding);
                    }
                }
            });
        }
        assertThat(unreachable).isEmpty();
    }

    @Test
    void everyRequestTheProductsEntitiesMakeIsInTheirProductsDescription() {
        List<String> unknown = new ArrayList<>();
        for (Entity entity : products()) {
            for (Operation operation : entity.operations()) {
                if (operation(entity, operation).isMissingNode()) {
                    unknown.add(entity.name() + " " + operation.label() + ": " + entity.binding(operation));
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyParameterTheProductsEntitiesSendIsDefinedByTheDescription() {
        List<String> undefined = new ArrayList<>();
        for (Entity entity : products()) {
            for (Field field : entity.fields()) {
                for (Operation operation : field.input()) {
                    if (!bodyParameters(operation(entity, operation)).contains(field.param())) {
                        undefined.add(entity.name() + " " + operation.label() + " body parameter " + field.param());
                    }
                }
                for (Map.Entry<Bound, String> filter : field.filters().entrySet()) {
                    if (!parameters(operation(entity, Operation.LIST), "query").contains(filter.getValue())) {
                        undefined.add(entity.name() + " List query parameter " + filter.getValue());
                    }
                }
                for (Operation operation : field.query()) {
                    if (operation == Operation.LIST || !parameters(operation(entity, operation), "query").contains(field.param())) {
                        undefined.add(entity.name() + " " + operation.label() + " query parameter " + field.param());
                    }
                }
                for (Operation operation : field.headers()) {
                    if (!parameters(operation(entity, operation), "header").contains(field.param())) {
                        undefined.add(entity.name() + " " + operation.label() + " header " + field.param());
                    }
                }
            }
        }
        assertThat(undefined).isEmpty();
    }

    /**
     * Every query parameter and header an operation defines reaches Twilio from a field of the entity that makes the
     * request: List's as its filters, the others' as fields the operation sends there; but paging, which the connector
     * does itself, and the Authorization header, which the connection's credentials fill.
     */
    @Test
    void everyQueryParameterAndHeaderOfEveryOperationIsSentFromAField() {
        List<String> unreachable = new ArrayList<>();
        for (Entity entity : products()) {
            for (Operation operation : entity.operations()) {
                Described described = operation(entity, operation);
                for (String name : parameters(described, "query")) {
                    boolean reached = operation == Operation.LIST
                            ? entity.fields().stream().anyMatch(field -> field.filters().containsValue(name))
                            : entity.fields().stream().anyMatch(field -> name.equals(field.param())
                                    && field.query().contains(operation));
                    if (!reached && !PAGING.contains(name)) {
                        unreachable.add(entity.name() + " " + operation.label() + " query parameter " + name);
                    }
                }
                for (String name : parameters(described, "header")) {
                    if (!name.equals(ProductCatalogGenerator.CREDENTIALS_HEADER) && entity.fields().stream()
                            .noneMatch(field -> name.equals(field.param()) && field.headers().contains(operation))) {
                        unreachable.add(entity.name() + " " + operation.label() + " header " + name);
                    }
                }
            }
        }
        assertThat(unreachable).isEmpty();
    }

    @Test
    void everyListKeyIsTheArrayTheDescriptionAnswersWithAndItsMetaNames() {
        List<String> wrong = new ArrayList<>();
        for (Entity entity : products()) {
            if (!entity.allows(Operation.LIST)) {
                continue;
            }
            Described list = operation(entity, Operation.LIST);
            JsonNode response = list.path("responses").path("200").path("content").elements().next();
            JsonNode schema = list.resolve(response.path("schema"));
            if (!"array".equals(schema.path("properties").path(entity.listKey()).path("type").asText())) {
                wrong.add(entity.name() + ": " + entity.listKey() + " is not an array");
            }
            for (JsonNode example : response.path("examples")) {
                JsonNode key = example.path("value").path("meta").path("key");
                if (key.isTextual() && !key.asText().equals(entity.listKey())) {
                    wrong.add(entity.name() + ": meta.key " + key.asText() + " but listKey " + entity.listKey());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyIdPatternMatchesTheDescriptionsOwnExamples() {
        Set<String> mismatches = new LinkedHashSet<>();
        for (Entity entity : products()) {
            if (entity.idField() == null || !entity.allows(Operation.GET)) {
                continue;
            }
            for (JsonNode example : operation(entity, Operation.GET).path("responses").path("200").path("content")
                    .path("application/json").path("examples")) {
                JsonNode id = example.path("value").path(entity.field(entity.idField()).map(Field::wire).orElse("sid"));
                if (id.isTextual() && !entity.isValidId(id.asText())) {
                    mismatches.add(entity.name() + ": " + id.asText());
                }
            }
        }
        assertThat(mismatches).containsExactlyInAnyOrderElementsOf(EXAMPLES_AGAINST_THEIR_PATTERN);
    }

    @Test
    void theEntitiesOfAProductAreServedOnItsDescriptionsHostAndTakeItsLargestPage() {
        Entity services = catalog.require("Verify.Services");
        assertThat(services.product()).isEqualTo("verify");
        assertThat(services.host()).isEqualTo("https://verify.twilio.com");
        assertThat(services.maxPageSize()).isEqualTo(1000);
        assertThat(catalog.require("Flex.Channels").host()).isEqualTo("https://flex-api.twilio.com");
        assertThat(catalog.require("Conversations.ConversationMessages").parentKeys()).containsExactly("ConversationSid");
        assertThat(catalog.require("Messages").product()).isEqualTo("api");
        assertThat(catalog.require("Messages").host()).isEqualTo("https://api.twilio.com");
        assertThat(catalog.require("Content.Contents").sendsJson(Operation.CREATE)).isFalse();
        assertThat(catalog.require("ContentV1.Contents").sendsJson(Operation.CREATE)).isTrue();
        assertThat(catalog.require("Lookups.PhoneNumbers").isValidId("+14155552671")).isTrue();
        assertThat(catalog.require("Lookups.PhoneNumbers").isValidId("+1/../Services")).isFalse();
        assertThat(catalog.require("Verify.Services").isValidId("VA" + "0".repeat(32))).isTrue();
        assertThat(catalog.require("Verify.Services").isValidId("+14155552671")).isFalse();
        assertThat(catalog.require("Conversations.ConversationMessages").field("DateCreated").orElseThrow().type())
                .hasToString("DATETIME");
    }

    /** Each {@code ...After} and {@code ...Before} bounds the field it names, inclusive or strict as its text says. */
    @Test
    void searchParametersNamedAfterAndBeforeAreBoundsOfTheFieldTheyName() {
        assertThat(dateCreatedFilters("Video.Rooms")).containsExactly(
                Map.entry(Bound.AT_LEAST, "DateCreatedAfter"), Map.entry(Bound.BELOW, "DateCreatedBefore"));
        assertThat(dateCreatedFilters("Verify.VerificationAttempts")).containsExactly(
                Map.entry(Bound.ABOVE, "DateCreatedAfter"), Map.entry(Bound.BELOW, "DateCreatedBefore"));
        assertThat(dateCreatedFilters("Content.Contents")).containsExactly(
                Map.entry(Bound.AT_LEAST, "DateCreatedAfter"), Map.entry(Bound.AT_MOST, "DateCreatedBefore"));
        assertThat(catalog.require("Video.Rooms").field("DateCreatedAfter")).isEmpty();
        assertThat(ProductCatalogGenerator.namedBound("CreatedAfter", "Conferences created after the provided timestamp"))
                .isEqualTo(">");
        assertThat(ProductCatalogGenerator.namedBound("DateCreatedBefore", "Filter by <=[date-time]")).isEqualTo("<=");
    }

    private Map<Bound, String> dateCreatedFilters(String entity) {
        return catalog.require(entity).field("DateCreated").orElseThrow().filters();
    }

    private List<Entity> products() {
        return catalog.entities().stream().filter(entity -> !entity.product().equals(Entity.API_PRODUCT)).toList();
    }

    private List<Entity> productEntities(String key) {
        return catalog.entities().stream().filter(entity -> entity.product().equals(key)).toList();
    }

    private static Set<String> bindings(Entity entity) {
        Set<String> bindings = new LinkedHashSet<>();
        entity.operations().forEach(operation -> bindings.add(entity.binding(operation).toString()));
        return bindings;
    }

    /** An operation of a description, found with the description its references point into. */
    private record Described(ProductDescription description, JsonNode operation) {

        boolean isMissingNode() {
            return operation.isMissingNode();
        }

        JsonNode path(String name) {
            return operation.path(name);
        }

        JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            while (current.has("$ref")) {
                String[] parts = current.path("$ref").asText().split("/");
                current = description.document().path("components").path(parts[2]).path(parts[3]);
            }
            return current;
        }
    }

    private static Described operation(Entity entity, Operation operation) {
        HttpBinding binding = entity.binding(operation);
        for (ProductDescription description : DESCRIPTIONS) {
            JsonNode found = description.document().path("paths").path(binding.path())
                    .path(binding.method().toLowerCase(Locale.ROOT));
            if (description.key().equals(entity.product()) && !found.isMissingNode()) {
                return new Described(description, found);
            }
        }
        return new Described(null, MissingNode.getInstance());
    }

    private static Set<String> bodyParameters(Described operation) {
        Set<String> names = new LinkedHashSet<>();
        operation.path("requestBody").path("content").elements().forEachRemaining(content ->
                operation.resolve(content.path("schema")).path("properties").fieldNames().forEachRemaining(names::add));
        return names;
    }

    /** The names of the operation's parameters in the query or the headers ({@code in}). */
    private static Set<String> parameters(Described operation, String in) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = operation.resolve(parameter);
            if (in.equals(resolved.path("in").asText())) {
                names.add(resolved.path("name").asText());
            }
        }
        return names;
    }
}
