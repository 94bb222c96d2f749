package dev.twilioconnector.action;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.catalog.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the actions' JSON description. An action's {@code output} is the name of the entity whose record it returns
 * ({@code "Messages"}), or, when Twilio answers its request with no entity's record, {@code {"fields": [...]}}: the
 * fields of that answer it returns, named as the request's entity names them.
 *
 * <p>Reads the actions' JSON description, resolving the entities it names in the entity catalog. A description that
 * names an entity, operation, field or input that is not there fails here, when the catalog is first read, rather
 * than on a user's request.
 */
final class ActionCatalogReader {

    static final String RESOURCE = "/dev/twilioconnector/catalog/actions.json";

    private record CatalogJson(List<ActionJson> actions) {
    }

    private record ActionJson(String name, String description, List<InputJson> inputs, List<RuleJson> rules,
                              RequestJson request, JsonNode output,
                              @JsonProperty("wait") WatchJson waitFor, DownloadJson download, boolean query) {
    }

    private record InputJson(String name, FieldType type, boolean required, List<String> allowed, List<String> aliases,
                             String pattern, String description, @JsonProperty("default") String defaultValue) {
    }

    /** The entity whose record's content is read, the input of each field of its Get path, the extension's input. */
    private record DownloadJson(String entity, Map<String, String> path, String format) {
    }

    /** Either {@code anyOf} or {@code oneOf} (alternatives), or {@code input} with {@code needs}. */
    private record RuleJson(List<List<String>> anyOf, List<List<String>> oneOf, String input, String needs) {
    }

    private record RequestJson(String entity, String operation, Map<String, Map<String, String>> whenGiven) {
    }

    private record WatchJson(String entity, String field, Map<String, List<String>> reached, List<String> failed) {
    }

    private ActionCatalogReader() {
    }

    static ActionCatalog readDefault() {
        try (InputStream in = ActionCatalogReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The action catalog resource " + RESOURCE + " is missing from the classpath");
            }
            return read(in, Catalog.standard());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the action catalog " + RESOURCE, e);
        }
    }

    static ActionCatalog read(InputStream in, Catalog entities) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CatalogJson json = mapper.readValue(in, CatalogJson.class);
        return new ActionCatalog(json.actions().stream().map(action -> toAction(action, entities)).toList());
    }

    private static Action toAction(ActionJson json, Catalog entities) {
        if (json.download() != null) {
            return downloadAction(json, entities);
        }
        if (json.query()) {
            return toQuery(json);
        }
        Operation operation = Operation.fromLabel(json.request().operation()).orElseThrow(() -> broken(json,
                "names unknown operation " + json.request().operation()));
        Entity entity = entity(json, entities, json.request().entity(), operation);
        ActionRequest request = new ActionRequest(entity, operation, json.request().whenGiven());
        List<ActionInput> inputs = json.inputs().stream().map(ActionCatalogReader::toInput).toList();
        for (ActionInput input : inputs) {
            acceptedBy(json, request, input.name());
        }
        request.whenGiven().values().forEach(fields -> fields.keySet().forEach(field -> acceptedBy(json, request, field)));
        Action action = new Action(json.name(), json.description(), inputs,
                json.rules() == null ? List.of() : json.rules().stream().map(rule -> toRule(json, rule)).toList(),
                request, output(json, entities, request), watch(json, entities), null, false);
        Stream.concat(request.whenGiven().keySet().stream(), action.rules().stream().flatMap(ActionCatalogReader::inputsOf))
                .filter(name -> action.input(name).isEmpty())
                .findFirst()
                .ifPresent(name -> {
                    throw broken(json, "names unknown input " + name);
                });
        return action;
    }

    private static ActionOutput output(ActionJson json, Catalog entities, ActionRequest request) {
        JsonNode output = json.output();
        if (output != null && output.isTextual()) {
            return ActionOutput.recordOf(entities.entity(output.asText())
                    .orElseThrow(() -> broken(json, "returns unknown entity " + output.asText())));
        }
        if (output == null || !output.path("fields").isArray() || output.size() != 1 || output.path("fields").isEmpty()) {
            throw broken(json, "has an output that is neither an entity's name nor {\"fields\": [...]}");
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode name : output.path("fields")) {
            Entity entity = request.entity();
            fields.add(entity.field(name.asText()).filter(Field::returned).orElseThrow(() -> broken(json,
                    "returns field " + name.asText() + ", which Twilio's answer to " + entity.name() + " "
                            + request.operation().label() + " lacks")));
        }
        return ActionOutput.fieldsOf(request.entity(), fields);
    }

    /** An action that runs SQL takes its inputs as they are: no request of the catalog accepts them. */
    private static Action toQuery(ActionJson json) {
        if (json.request() != null || json.output() != null || json.waitFor() != null || json.rules() != null) {
            throw broken(json, "runs a query, so it has no request, output, wait or rules");
        }
        return new Action(json.name(), json.description(), json.inputs().stream().map(ActionCatalogReader::toInput).toList(),
                List.of(), null, null, null, null, true);
    }

    private static ActionInput toInput(InputJson json) {
        return new ActionInput(json.name(), json.type(), json.required(), json.allowed(), json.aliases(),
                json.pattern() == null ? null : Pattern.compile(json.pattern()), json.description(), json.defaultValue());
    }

    /**
     * An action that reads a record's content: every field of the entity's Get path but the account comes from a
     * required input, and the extension from an input of allowed values.
     */
    private static Action downloadAction(ActionJson json, Catalog entities) {
        DownloadJson download = json.download();
        if (json.request() != null || json.output() != null || json.waitFor() != null) {
            throw broken(json, "downloads content, so it has no request, output or wait of a record");
        }
        Entity entity = entity(json, entities, download.entity(), Operation.GET);
        Action action = new Action(json.name(), json.description(),
                json.inputs().stream().map(ActionCatalogReader::toInput).toList(),
                json.rules() == null ? List.of() : json.rules().stream().map(rule -> toRule(json, rule)).toList(),
                null, null, null, new ContentDownload(entity, download.path(), download.format()), false);
        for (String field : entity.binding(Operation.GET).placeholders()) {
            String input = download.path().get(field);
            if (!Entity.ACCOUNT_PLACEHOLDER.equals(field)
                    && (input == null || action.input(input).filter(ActionInput::required).isEmpty())) {
                throw broken(json, "gives " + entity.name() + "'s path field " + field + " no required input");
            }
        }
        if (download.format() != null && action.input(download.format()).filter(f -> !f.allowed().isEmpty()).isEmpty()) {
            throw broken(json, "takes its format from " + download.format() + ", which is no input of allowed values");
        }
        return action;
    }

    private static InputRule toRule(ActionJson action, RuleJson json) {
        if (json.anyOf() != null) {
            return new InputRule.Alternatives(json.anyOf(), false);
        }
        if (json.oneOf() != null) {
            return new InputRule.Alternatives(json.oneOf(), true);
        }
        if (json.input() != null && json.needs() != null) {
            return new InputRule.Needs(json.input(), json.needs());
        }
        throw broken(action, "has a rule with neither anyOf, oneOf nor input and needs");
    }

    private static Stream<String> inputsOf(InputRule rule) {
        if (rule instanceof InputRule.Alternatives alternatives) {
            return alternatives.alternatives().stream().flatMap(List::stream);
        }
        InputRule.Needs needs = (InputRule.Needs) rule;
        return Stream.of(needs.input(), needs.needed());
    }

    private static StatusWatch watch(ActionJson json, Catalog entities) {
        WatchJson wait = json.waitFor();
        if (wait == null) {
            return null;
        }
        Entity entity = entity(json, entities, wait.entity(), Operation.GET);
        if (entity.field(wait.field()).isEmpty()) {
            throw broken(json, "waits on field " + wait.field() + ", which " + entity.name() + " lacks");
        }
        return new StatusWatch(entity, wait.field(), wait.reached(), wait.failed());
    }

    private static Entity entity(ActionJson json, Catalog entities, String name, Operation operation) {
        Entity entity = entities.entity(name).orElseThrow(() -> broken(json, "names unknown entity " + name));
        if (!entity.allows(operation)) {
            throw broken(json, "needs " + name + " " + operation.label() + ", which the entity does not allow");
        }
        return entity;
    }

    /** Each input is the field of the same name of the request's operation. */
    private static void acceptedBy(ActionJson json, ActionRequest request, String field) {
        if (request.entity().field(field).filter(f -> f.acceptedOn(request.operation())).isEmpty()) {
            throw broken(json, "passes " + field + ", which " + request.entity().name() + " "
                    + request.operation().label() + " does not accept");
        }
    }

    private static IllegalStateException broken(ActionJson json, String problem) {
        return new IllegalStateException("Action " + json.name() + " of " + RESOURCE + " " + problem);
    }
}
