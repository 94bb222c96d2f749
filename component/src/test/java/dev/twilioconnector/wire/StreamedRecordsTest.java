package dev.twilioconnector.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.HttpBinding;
import dev.twilioconnector.catalog.OfficialSpec;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.catalog.TestEntities;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records read from Jackson's parser as Twilio's answer arrives are the records the tree of the same answer gives:
 * for every entity of the catalog, over answers built from the shape Twilio's official description gives each of
 * its records, and over the values Twilio might send instead.
 */
class StreamedRecordsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RFC_2822 = "Fri, 24 May 2019 17:44:46 +0000";

    private final RecordReader reader = new RecordReader(MAPPER);
    private final Catalog catalog = Catalog.standard();

    @Test
    void aMessageBecomesTheRecordItsFieldsDescribe() throws IOException {
        String answer = """
                {"sid": "SM0123456789abcdef0123456789abcdef", "from": "+15005550006", "body": "hi",
                 "date_created": "Fri, 24 May 2019 17:44:46 +0000", "date_sent": null, "num_segments": "2",
                 "price": "-0.00750", "redacted": "TRUE", "media_url": ["https://a"], "error_code": 30003,
                 "subresource_uris": {"media": "/Media.json", "n": 1.5}, "api_version": "2010-04-01"}""";

        Map<String, Object> record = reader.read(TestEntities.messages(), parser(answer), Map.of());

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Sid", "SM0123456789abcdef0123456789abcdef");
        expected.put("Sender", "+15005550006");
        expected.put("Body", "hi");
        expected.put("DateCreated", "2019-05-24T17:44:46Z");
        expected.put("DateSent", null);
        expected.put("NumSegments", 2L);
        expected.put("Price", new BigDecimal("-0.00750"));
        expected.put("Redacted", Boolean.TRUE);
        expected.put("MediaUrl", List.of("https://a"));
        expected.put("ErrorCode", 30003);
        expected.put("SubresourceUris", Map.of("media", "/Media.json", "n", 1.5));
        expected.put("ApiVersion", "2010-04-01");
        assertThat(record).containsExactlyEntriesOf(expected);
    }

    @Test
    void aPageGivesItsRecordsWithTheParentKeysAndTheNextPage() throws IOException {
        Entity media = catalog.entity("Media").orElseThrow();
        String answer = """
                {"first_page_uri": "/x", "media_list": [{"sid": "ME1", "date_created": "%s"}, {"sid": "ME2"}],
                 "next_page_uri": "/2010-04-01/next", "page": 0}""".formatted(RFC_2822);

        WirePage page = reader.readPage(media, parser(answer), Map.of("MessageSid", "MM1"));

        assertThat(page.nextPageUri()).isEqualTo("/2010-04-01/next");
        assertThat(page.records()).containsExactly(
                record("Sid", "ME1", "DateCreated", "2019-05-24T17:44:46Z", "MessageSid", "MM1"),
                record("Sid", "ME2", "MessageSid", "MM1"));
    }

    @Test
    void everyEntityReadsAsItsTreeReadsOverTheOfficialShapeOfItsRecords() throws IOException {
        int compared = 0;
        for (Entity entity : catalog.entities()) {
            JsonNode schema = recordSchema(entity);
            if (schema == null) {
                continue;
            }
            for (Function<String, JsonNode> values : variants(entity)) {
                ObjectNode wire = MAPPER.createObjectNode();
                schema.path("properties").fields().forEachRemaining(property ->
                        wire.set(property.getKey(), values.apply(property.getKey()) != null
                                ? values.apply(property.getKey()) : sample(property.getValue())));
                wire.put("a_key_twilio_added_later", "kept");
                assertSameRecord(entity, wire);
                if (entity.allows(Operation.LIST)) {
                    assertSamePage(entity, wire);
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3 * 40);
    }

    @Test
    void answersThatAreNoRecordReadAsTheirTreeReads() throws IOException {
        Entity media = catalog.entity("Media").orElseThrow();
        Map<String, String> parent = Map.of("MessageSid", "MM1");
        for (String answer : List.of("", "  ", "null", "[1, {\"sid\": \"ME1\"}]", "\"text\"", "{}", "{\"sid\": \"ME1\"} trailing")) {
            JsonNode tree = answer.isBlank() ? MAPPER.missingNode() : MAPPER.readTree(answer);
            assertThat(reader.read(media, parser(answer), parent)).as(answer)
                    .containsExactlyEntriesOf(reader.read(media, tree, parent));
        }
        for (String answer : List.of("", "null", "[]", "{}", "{\"media_list\": {\"a\": 1}, \"next_page_uri\": null}",
                "{\"media_list\": \"none\", \"next_page_uri\": \"\"}", "{\"media_list\": [], \"next_page_uri\": {\"a\": 1}}",
                "{\"media_list\": [1, null, []], \"media_list\": [{\"sid\": \"ME2\"}], \"next_page_uri\": \"/n\"}")) {
            WirePage page = reader.readPage(media, parser(answer), parent);
            JsonNode tree = answer.isBlank() ? MAPPER.missingNode() : MAPPER.readTree(answer);
            JsonNode records = tree.path("media_list");
            List<Map<String, Object>> expected = new ArrayList<>();
            if (records.isArray()) {
                records.forEach(wire -> expected.add(reader.read(media, wire, parent)));
            }
            assertThat(page.records()).as(answer).isEqualTo(expected);
            assertThat(page.nextPageUri()).as(answer).isEqualTo(nextPage(tree));
        }
    }

    private void assertSameRecord(Entity entity, ObjectNode wire) throws IOException {
        Map<String, String> parents = parentValues(entity);
        Map<String, Object> streamed = reader.read(entity, parser(MAPPER.writeValueAsString(wire)), parents);
        Map<String, Object> fromTree = reader.read(entity, wire, parents);
        assertThat(streamed).as(entity.name() + " " + wire).containsExactlyEntriesOf(fromTree);
        assertSameTypes(entity.name(), streamed, fromTree);
    }

    private void assertSamePage(Entity entity, ObjectNode wire) throws IOException {
        ObjectNode page = MAPPER.createObjectNode();
        page.put("first_page_uri", "/first");
        ArrayNode records = page.putArray(entity.listKey());
        records.add(wire).add(wire.deepCopy().put("sid", "another")).add(MAPPER.createObjectNode());
        page.put("next_page_uri", "/2010-04-01/next?PageToken=PA1");
        page.put("page_size", 3);
        Map<String, String> parents = parentValues(entity);

        WirePage streamed = reader.readPage(entity, parser(MAPPER.writeValueAsString(page)), parents);

        List<Map<String, Object>> fromTree = new ArrayList<>();
        page.path(entity.listKey()).forEach(one -> fromTree.add(reader.read(entity, one, parents)));
        assertThat(streamed.records()).as(entity.name()).isEqualTo(fromTree);
        for (int i = 0; i < fromTree.size(); i++) {
            assertThat(streamed.records().get(i)).containsExactlyEntriesOf(fromTree.get(i));
        }
        assertThat(streamed.nextPageUri()).isEqualTo(nextPage(page));
    }

    /** The next page as the List read it from the tree. */
    private static String nextPage(JsonNode page) {
        JsonNode next = page.get("next_page_uri");
        return next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
    }

    private static void assertSameTypes(String where, Object streamed, Object fromTree) {
        if (fromTree instanceof Map<?, ?> map) {
            map.forEach((key, value) -> assertSameTypes(where + "." + key, ((Map<?, ?>) streamed).get(key), value));
        } else if (fromTree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(where + "[" + i + "]", ((List<?>) streamed).get(i), list.get(i));
            }
        } else if (fromTree != null) {
            assertThat(streamed).as(where).isInstanceOf(fromTree.getClass()).isEqualTo(fromTree);
        }
    }

    /** The official shape of a value, and values Twilio might send in its place. */
    private static List<Function<String, JsonNode>> variants(Entity entity) {
        Map<String, Field> byWire = new LinkedHashMap<>();
        entity.fields().stream().filter(field -> field.wire() != null).forEach(field -> byWire.put(field.wire(), field));
        return List.of(
                wireKey -> byWire.containsKey(wireKey) ? typedText(byWire.get(wireKey)) : null,
                wireKey -> MAPPER.nullNode(),
                wireKey -> odd(wireKey.hashCode()),
                wireKey -> byWire.containsKey(wireKey) ? MAPPER.getNodeFactory().textNode("not " + wireKey) : odd(wireKey.length()));
    }

    /** Text as Twilio writes each type: RFC 2822 dates, numbers and booleans as strings. */
    private static JsonNode typedText(Field field) {
        String text = switch (field.type()) {
            case DATETIME -> RFC_2822;
            case INTEGER -> "17";
            case NUMBER -> "-0.00750";
            case BOOLEAN -> "True";
            default -> field.wire() + " text";
        };
        return MAPPER.getNodeFactory().textNode(text);
    }

    private static JsonNode odd(int seed) {
        List<JsonNode> values = List.of(
                MAPPER.getNodeFactory().numberNode(7),
                MAPPER.getNodeFactory().numberNode(1L << 40),
                MAPPER.getNodeFactory().numberNode(new BigInteger("123456789012345678901234567890")),
                MAPPER.getNodeFactory().numberNode(0.1),
                MAPPER.getNodeFactory().numberNode(1e-7),
                MAPPER.getNodeFactory().booleanNode(false),
                MAPPER.getNodeFactory().textNode("Sat, 1 Jun 2019 00:00:00 GMT"),
                MAPPER.getNodeFactory().textNode(""),
                nested());
        return values.get(Math.floorMod(seed, values.size()));
    }

    private static JsonNode nested() {
        ObjectNode nested = MAPPER.createObjectNode();
        nested.put("price", 2.25).put("count", 3).putNull("none");
        nested.putArray("list").add(1).add(2.5).add("x").add(MAPPER.createObjectNode().put("deep", true));
        return nested;
    }

    /** A value of the shape the description gives a property. */
    private static JsonNode sample(JsonNode property) {
        String format = property.path("format").asText();
        switch (property.path("type").asText()) {
            case "integer":
                return MAPPER.getNodeFactory().numberNode(42);
            case "number":
                return MAPPER.getNodeFactory().numberNode(1.5);
            case "boolean":
                return MAPPER.getNodeFactory().booleanNode(true);
            case "object":
                return nested();
            case "array":
                return MAPPER.createArrayNode().add("x").add(1);
            default:
                return MAPPER.getNodeFactory().textNode(format.startsWith("date-time") ? RFC_2822 : "text");
        }
    }

    /** The schema of one record in the description: the answer to a Get, or an element of a List's page. */
    private static JsonNode recordSchema(Entity entity) {
        if (entity.legacy()) {
            return null;
        }
        Operation operation = entity.allows(Operation.GET) ? Operation.GET : entity.allows(Operation.LIST) ? Operation.LIST : null;
        if (operation == null) {
            return null;
        }
        HttpBinding binding = entity.binding(operation);
        JsonNode schema = resolve(OfficialSpec.operation(binding.path(), binding.method()).path("responses").path("200")
                .path("content").path("application/json").path("schema"));
        if (operation == Operation.LIST) {
            schema = resolve(schema.path("properties").path(entity.listKey()).path("items"));
        }
        return schema.path("properties").isObject() ? schema : null;
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : OfficialSpec.document().at(ref.substring(1));
    }

    private static Map<String, String> parentValues(Entity entity) {
        Map<String, String> values = new LinkedHashMap<>();
        entity.parentKeys().forEach(key -> values.put(key, "parent " + key));
        return values;
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return record;
    }

    private static JsonParser parser(String answer) throws IOException {
        return MAPPER.createParser(answer);
    }
}
