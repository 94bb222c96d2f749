package dev.twilioconnector.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Twilio product's official description served by Stoplight Prism, behind a {@link RecordingProxy} that records
 * the requests exactly as the connector sent them, and a connector whose {@code baseUrls} entry for that product points
 * there. Prism answers a request that breaks the description with 422, which the connector raises as an error, and
 * any other with the description's example, so a battery's records are Twilio's own examples. One per test class:
 * each is a Node process that takes seconds to start on the build's two cores.
 */
final class PrismProduct implements AutoCloseable {

    /** The account of the descriptions' examples. */
    static final String ACCOUNT = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SPECS = "package/twilio-oai/spec/json/";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrismServer prism;
    private final RecordingProxy proxy;
    private final CamelContext camel;
    private final ProducerTemplate producer;

    private PrismProduct(PrismServer prism, RecordingProxy proxy, CamelContext camel) {
        this.prism = prism;
        this.proxy = proxy;
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
    }

    /**
     * Prism serving {@code description} (a file name of the description package) and the connector's {@code baseUrls}
     * entry {@code product} pointed at it.
     */
    static PrismProduct start(String product, String description) throws Exception {
        return start(product, description, Map.of());
    }

    /**
     * As {@link #start(String, String)}, with the operations named in {@code examples} ({@code "GET /v1/Voice/Summaries"})
     * answering with that one of their examples: Prism answers with an operation's first example, which is sometimes an
     * empty page.
     */
    static PrismProduct start(String product, String description, Map<String, String> examples) throws Exception {
        return start(product, List.of(description), examples);
    }

    /**
     * As {@link #start(String, String, Map)}, Prism serving every version's description of the product at once, as
     * Twilio serves them on the product's one host ({@code content.twilio.com/v1} and {@code /v2}).
     */
    static PrismProduct start(String product, List<String> descriptions, Map<String, String> examples) throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        for (String description : descriptions) {
            documents.add(MAPPER.readTree(Path.of(System.getProperty("twilio.spec.dir", "../target/twilio-spec"), SPECS,
                    description).toFile()));
        }
        JsonNode document = merged(documents);
        PrismServer prism = PrismServer.start(Path.of(System.getProperty("prism.dir", "../target/prism")),
                served(document, examples));
        RecordingProxy proxy = null;
        try {
            proxy = RecordingProxy.start(prism.baseUrl(), document);
            TwilioConnectorComponent component = new TwilioConnectorComponent();
            component.getConfiguration().setAccountSid(ACCOUNT);
            component.getConfiguration().setAuthToken("prism-checks-that-there-is-a-token");
            component.getConfiguration().setBaseUrls(Map.of(product, proxy.baseUrl()));
            component.getConfiguration().setRetryMaxAttempts(1);
            CamelContext camel = new DefaultCamelContext();
            camel.addComponent("twilio-connector", component);
            camel.start();
            return new PrismProduct(prism, proxy, camel);
        } catch (Exception | Error e) {
            if (proxy != null) {
                proxy.close();
            }
            prism.close();
            throw e;
        }
    }

    /**
     * The paths and schemas of the descriptions in one; a later version's schema whose name an earlier one gives
     * another schema is renamed, with the references to it, so that each version's paths keep their own.
     */
    private static JsonNode merged(List<JsonNode> documents) {
        ObjectNode merged = documents.get(0).deepCopy();
        ObjectNode schemas = (ObjectNode) merged.path("components").path("schemas");
        for (int index = 1; index < documents.size(); index++) {
            JsonNode later = documents.get(index);
            String prefix = "description" + index + ".";
            Map<String, String> references = new LinkedHashMap<>();
            Map<String, JsonNode> laterSchemas = new LinkedHashMap<>();
            later.path("components").path("schemas").fields().forEachRemaining(schema -> {
                String name = schema.getKey();
                if (schemas.has(name) && !schemas.get(name).equals(schema.getValue())) {
                    references.put(SCHEMAS + name, SCHEMAS + prefix + name);
                    name = prefix + name;
                }
                laterSchemas.put(name, schema.getValue());
            });
            laterSchemas.forEach((name, schema) -> schemas.set(name, referring(schema.deepCopy(), references)));
            later.path("paths").fields().forEachRemaining(path ->
                    ((ObjectNode) merged.path("paths")).set(path.getKey(), referring(path.getValue().deepCopy(), references)));
        }
        return merged;
    }

    /** {@code node} with its {@code $ref}s to renamed schemas pointed at their new names. */
    private static JsonNode referring(JsonNode node, Map<String, String> references) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("$ref");
            if (reference != null && references.containsKey(reference.asText())) {
                object.put("$ref", references.get(reference.asText()));
            }
            object.forEach(child -> referring(child, references));
        } else if (node.isArray()) {
            node.forEach(child -> referring(child, references));
        }
        return node;
    }

    /** The description as Prism serves it: its lists read as the proxy sends them, the examples chosen. */
    private static Path served(JsonNode description, Map<String, String> examples) throws IOException {
        ObjectNode served = (ObjectNode) RecordingProxy.withJoinedLists(description);
        examples.forEach((operation, example) -> {
            String[] methodAndPath = operation.split(" ", 2);
            JsonNode responses = served.path("paths").path(methodAndPath[1])
                    .path(methodAndPath[0].toLowerCase(Locale.ROOT)).path("responses");
            if (!(responses.findParent(example) instanceof ObjectNode named)) {
                throw new IllegalArgumentException("The description has no example '" + example + "' for " + operation);
            }
            named.retain(example);
        });
        Path file = Files.createTempFile("twilio-description", ".json");
        file.toFile().deleteOnExit();
        MAPPER.writeValue(file.toFile(), served);
        return file;
    }

    /** Sends {@code body} (a Map, JSON text or null) to the connector's endpoint {@code uri}. */
    Exchange call(String uri, Object body) {
        return call(uri, body, Map.of());
    }

    /** Sends {@code body} and the {@code headers} to the connector's endpoint {@code uri}. */
    Exchange call(String uri, Object body, Map<String, Object> headers) {
        return producer.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().getHeaders().putAll(headers);
        });
    }

    /** The record the operation returned; a failure carries what Prism said about the requests. */
    Map<String, Object> record(String uri, Object body) {
        return record(uri, body, Map.of());
    }

    /** The record the operation returned for {@code body} and the {@code headers}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> record(String uri, Object body, Map<String, Object> headers) {
        return (Map<String, Object>) succeeded(call(uri, body, headers)).getMessage().getBody();
    }

    /** The records the List {@code uri} returned; a failure carries what Prism said about the requests. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records(String uri) {
        return succeeded(call(uri, null)).getMessage().getBody(List.class);
    }

    /** The records of the List {@code uri} for the filterClause given in its header, which may hold any character. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records(String uri, String filterClause) {
        Exchange exchange = call(uri, null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, filterClause));
        return succeeded(exchange).getMessage().getBody(List.class);
    }

    private Exchange succeeded(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new AssertionError(exchange.getException().getMessage() + "\n" + log(), exchange.getException());
        }
        return exchange;
    }

    /**
     * Runs every endpoint of the battery (endpoint URI to body, in order) and returns those that failed with the
     * connector's error, which says what Prism answered: empty when the description accepts every request.
     */
    Map<String, String> refused(Map<String, Object> battery) {
        Map<String, String> refused = new LinkedHashMap<>();
        battery.forEach((uri, body) -> {
            Exchange exchange = call(uri, body);
            if (exchange.getException() != null) {
                refused.put(uri, exchange.getException().getMessage());
            }
        });
        return refused;
    }

    /** The requests the connector sent so far, in order. */
    List<RecordingProxy.SentRequest> requests() {
        return proxy.requests();
    }

    /** The requests the connector sent since it had sent {@code before}. */
    List<RecordingProxy.SentRequest> requestsSince(int before) {
        List<RecordingProxy.SentRequest> all = proxy.requests();
        return all.subList(before, all.size());
    }

    /**
     * What Prism printed about the requests so far, each refused one with the rules it broke, to explain a failed
     * assertion; without the list of every operation it serves, which it prints first.
     */
    String log() {
        return prism.log().lines().filter(line -> !line.contains("[CLI]")).collect(Collectors.joining("\n"));
    }

    /** A map of the pairs given, in their order, for payloads and batteries. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    public void close() {
        camel.stop();
        proxy.close();
        prism.close();
    }
}
