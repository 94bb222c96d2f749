package dev.twilioconnector.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds the 2010 API's entities of the catalog against Twilio's official OpenAPI description of it. */
class CatalogAgainstOfficialSpecTest {

    private static final List<String> METHODS = List.of("get", "post", "delete");
    private final List<Entity> entities = Catalog.standard().entities().stream()
            .filter(entity -> entity.product().equals(Entity.API_PRODUCT)).toList();
    private final Catalog catalog = Catalog.standard();

    @Test
    void everyPathAndMethodOfTheDescriptionIsReachableThroughTheCatalog() {
        List<String> unreachable = new ArrayList<>();
        OfficialSpec.document().path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method) && !reachable(method.toUpperCase(Locale.ROOT), path.getKey())) {
                    unreachable.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        });
        assertThat(unreachable).isEmpty();
    }

    @Test
    void everyRequestTheCatalogMakesIsInTheDescription() {
        List<String> unknown = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity.legacy()) {
                continue;
            }
            for (Operation operation : entity.operations()) {
                HttpBinding binding = entity.binding(operation);
                if (OfficialSpec.operation(binding.path(), binding.method()).isMissingNode()) {
                    unknown.add(entity.name() + " " + operation.label() + ": " + binding);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyParameterTheCatalogSendsIsDefinedByTheDescription() {
        List<String> undefined = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity.legacy()) {
                continue;
            }
            for (Field field : entity.fields()) {
                for (Operation operation : field.input()) {
                    HttpBinding binding = entity.binding(operation);
                    if (!OfficialSpec.formParameters(binding.path(), binding.method()).contains(field.param())) {
                        undefined.add(entity.name() + " " + operation.label() + " form parameter " + field.param());
                    }
                }
                for (Operation operation : field.query()) {
                    HttpBinding binding = entity.binding(operation);
                    if (!OfficialSpec.queryParameters(binding.path(), binding.method()).contains(field.param())) {
                        undefined.add(entity.name() + " " + operation.label() + " query parameter " + field.param());
                    }
                }
                for (Map.Entry<Bound, String> filter : field.filters().entrySet()) {
                    HttpBinding list = entity.binding(Operation.LIST);
                    if (!OfficialSpec.queryParameters(list.path(), "GET").contains(filter.getValue())) {
                        undefined.add(entity.name() + " List query parameter " + filter.getValue());
                    }
                }
            }
        }
        assertThat(undefined).isEmpty();
    }

    @Test
    void everyListKeyIsTheArrayTheDescriptionAnswersWith() {
        for (Entity entity : entities) {
            if (!entity.allows(Operation.LIST)) {
                continue;
            }
            HttpBinding list = entity.binding(Operation.LIST);
            JsonNode properties = OfficialSpec.operation(list.path(), "GET").path("responses").path("200")
                    .path("content").path("application/json").path("schema").path("properties");
            assertThat(properties.path(entity.listKey()).path("type").asText())
                    .as("list key of %s", entity.name()).isEqualTo("array");
        }
    }

    @Test
    void everyIdPatternMatchesTheDescriptionsOwnExamples() {
        List<String> mismatches = new ArrayList<>();
        for (Entity entity : entities) {
            if (entity.legacy() || entity.idField() == null || !entity.allows(Operation.GET)) {
                continue;
            }
            HttpBinding get = entity.binding(Operation.GET);
            for (JsonNode example : OfficialSpec.operation(get.path(), "GET").path("responses").path("200")
                    .path("content").path("application/json").path("examples")) {
                JsonNode id = example.path("value").path(wireOf(entity, entity.idField()));
                if (id.isTextual() && !entity.isValidId(id.asText())) {
                    mismatches.add(entity.name() + ": " + id.asText());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theLegacyCallFeedbackResourcesAreNoLongerInTheDescription() {
        Set<String> legacy = Set.of("Feedback", "FeedbackSummary");
        for (Entity entity : entities) {
            assertThat(entity.legacy()).as(entity.name()).isEqualTo(legacy.contains(entity.name()));
            if (entity.legacy()) {
                for (Operation operation : entity.operations()) {
                    assertThat(OfficialSpec.document().path("paths").has(entity.binding(operation).path())).isFalse();
                }
            }
        }
    }

    @Test
    void theCatalogNamesTheEntitiesUsersKnow() {
        assertThat(catalog.entities()).extracting(Entity::name).contains("Messages", "Calls", "Recordings",
                "IncomingPhoneNumbers", "OutgoingCallerIds", "Media", "Queues", "Members", "Conferences", "Participants",
                "Transcriptions", "Notifications", "Accounts", "Applications", "Addresses", "Keys", "SigningKeys",
                "ShortCodes", "UsageRecords", "UsageTriggers", "AvailablePhoneNumbersLocal", "SipDomains", "Feedback",
                "FeedbackSummary");
        Entity messages = catalog.require("Messages");
        assertThat(messages.field("From")).get().extracting(Field::name, Field::wire).containsExactly("Sender", "from");
        assertThat(catalog.require("Queues").field("FriendlyName")).get().extracting(Field::name).isEqualTo("Name");
        assertThat(messages.field("DateSent").orElseThrow().filters())
                .containsExactlyInAnyOrderEntriesOf(Map.of(Bound.EQUAL, "DateSent", Bound.AT_LEAST, "DateSent>",
                        Bound.AT_MOST, "DateSent<"));
    }

    private boolean reachable(String method, String path) {
        return entities.stream().flatMap(entity -> entity.operations().stream().map(entity::binding))
                .anyMatch(binding -> binding.method().equals(method) && binding.path().equals(path));
    }

    private static String wireOf(Entity entity, String fieldName) {
        return entity.field(fieldName).map(Field::wire).orElse("sid");
    }
}
