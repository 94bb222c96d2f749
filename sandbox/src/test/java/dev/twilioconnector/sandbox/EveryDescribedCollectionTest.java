package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke over every description the sandbox packages: every collection path with a POST, its parents created
 * first, creates a record from its required parameters and reads it back, by its member path where the description
 * has one, else in its list.
 */
class EveryDescribedCollectionTest extends SandboxTestSupport {

    /** Products a hand-written service answers in place of the generic CRUD, with its own rules. */
    private static final Set<String> HAND_WRITTEN = Set.of("verify", "conversations", "insights");
    private static final Pattern SID = Pattern.compile("\\^([A-Z]{2})\\[0-9a-fA-F]\\{32}\\$");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> failures = new ArrayList<>();
    private int created;
    private int readBack;

    @Test
    void everyCollectionWithAPostCreatesAndReadsBack() {
        int products = 0;
        for (String key : Descriptions.keys()) {
            if (HAND_WRITTEN.contains(key)) {
                continue;
            }
            products++;
            DescribedProduct product = Descriptions.product(key).orElseThrow();
            for (DescribedPath path : product.paths()) {
                if (path.shape() == DescribedPath.Shape.COLLECTION && path.operation("POST") != null) {
                    createAndReadBack(product, path);
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(products).isEqualTo(Descriptions.keys().size() - HAND_WRITTEN.size()).isGreaterThan(30);
        assertThat(created).isGreaterThan(150);
        assertThat(readBack).isEqualTo(created);
    }

    private void createAndReadBack(DescribedProduct product, DescribedPath collection) {
        List<String> segments = fill(product, collection.segments());
        if (segments == null) {
            return;
        }
        String at = "/" + product.key() + "/" + String.join("/", segments);
        DescribedOperation create = collection.operation("POST");
        Http.Reply reply = post(at, create);
        created++;
        if (reply.status() != create.status()) {
            failures.add("POST " + at + " answered " + reply.status() + ", not " + create.status() + ": " + reply.text());
            return;
        }
        Map<String, Object> record = reply.json();
        DescribedPath member = product.member(collection).orElse(null);
        DescribedOperation list = collection.operation("GET");
        if (member != null && member.operation("GET") != null) {
            Object id = record.get(DescribedCrud.idProperty(member.idParameter(), record.keySet()));
            Http.Reply read = http.get(at + "/" + Http.enc(String.valueOf(id)).replace("+", "%20"));
            if (read.status() != 200 || !read.json().equals(record)) {
                failures.add("GET " + at + "/" + id + " answered " + read.status() + " " + read.text()
                        + ", not what POST answered: " + reply.text());
                return;
            }
        } else if (list != null && list.listKey() != null) {
            Object records = http.get(at).json().get(list.listKey());
            if (!(records instanceof List<?> page) || !page.contains(record)) {
                failures.add("GET " + at + " does not list what POST answered: " + reply.text());
                return;
            }
        } else if (list != null) {
            String query = list.queryParameters().stream()
                    .filter(name -> record.get(DescribedFields.property(name)) != null)
                    .map(name -> Http.enc(name) + "=" + Http.enc(String.valueOf(record.get(DescribedFields.property(name)))))
                    .reduce((a, b) -> a + "&" + b).map(q -> "?" + q).orElse("");
            Http.Reply read = http.get(at + query);
            if (read.status() != 200 || !read.json().equals(record)) {
                failures.add("GET " + at + query + " answered " + read.status() + " " + read.text()
                        + ", not what POST answered: " + reply.text());
                return;
            }
        }
        readBack++;
    }

    /**
     * The concrete segments of a template: each parameter whose member the API creates is a record created now,
     * under the parents filled in before it, every other a placeholder. Null when a parent cannot be created.
     */
    private List<String> fill(DescribedProduct product, List<String> template) {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (!DescribedPath.isParameter(segment)) {
                segments.add(segment);
                continue;
            }
            DescribedPath parent = product.creatableMember(template.subList(0, i + 1)).orElse(null);
            if (parent == null) {
                segments.add("P" + i);
                continue;
            }
            DescribedPath parentCollection = product.collection(parent.segments()).orElseThrow();
            // the parent's own parents are those already filled in
            String at = "/" + product.key() + "/" + String.join("/", segments);
            Http.Reply reply = post(at, parentCollection.operation("POST"));
            if (reply.status() >= 300) {
                failures.add("POST " + at + " (a parent) answered " + reply.status() + ": " + reply.text());
                return null;
            }
            Map<String, Object> created = reply.json();
            segments.add(String.valueOf(created.get(DescribedCrud.idProperty(parent.idParameter(), created.keySet()))));
        }
        return segments;
    }

    private static Http.Reply post(String at, DescribedOperation create) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : create.required()) {
            fields.put(name, sample(create.parameters().get(name)));
        }
        if (create.jsonBody()) {
            try {
                return http.json("POST", at, MAPPER.writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return http.post(at, fields);
    }

    /** A value of the schema's type and shape. */
    private static Object sample(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        Matcher sid = SID.matcher(schema.path("pattern").asText(""));
        if (sid.matches()) {
            return sid.group(1) + "0".repeat(32);
        }
        return switch (schema.path("type").asText("")) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            case "array" -> new Object[] {sample(schema.path("items"))};
            default -> "uri".equals(schema.path("format").asText()) ? "https://example.com/hook" : "value";
        };
    }
}
