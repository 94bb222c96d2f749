package dev.twilioconnector.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stands between the connector and Prism on loopback: records each request as the connector sent it, then hands it
 * to Prism with the form's lists in a shape Prism reads. Twilio takes a list as the name repeated
 * ({@code MediaUrl=a&MediaUrl=b}), as its description says (OpenAPI's default for a form) and the connector sends;
 * Prism 5.16 keeps only the last value of a repeated name, and refuses even one {@code MediaUrl=a} as not an array. So
 * the test holds what the connector sent to Twilio's form, and Prism checks the rest of the request:
 * <ul>
 * <li>{@link #start}: a list goes as {@code MediaUrl[]=a&MediaUrl[]=b}, a name the description does not define, which
 * Prism lets through unchecked (a list the description requires is then missing for Prism);</li>
 * <li>{@link #startJoining}: a list goes as {@code MessageSamples=a,b}, which Prism reads as an array, and checks as
 * one, where the description it serves declares the list's form style unexploded ({@link #withJoinedLists}).</li>
 * </ul>
 */
final class ListFormProxy implements AutoCloseable {

    /**
     * One request as the connector sent it: its query's parameters and its form's, each in order, decoded, a list's
     * name once per value.
     */
    record SentRequest(String method, String path, List<Map.Entry<String, String>> query,
                       List<Map.Entry<String, String>> form) {

        List<String> values(String name) {
            return form.stream().filter(entry -> entry.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpServer server;
    private final CloseableHttpClient client = HttpClients.createDefault();
    private final String target;
    private final Set<String> listParameters;
    private final boolean joined;
    private final List<SentRequest> sent = Collections.synchronizedList(new ArrayList<>());

    private ListFormProxy(String target, Set<String> listParameters, boolean joined) throws IOException {
        this.target = target;
        this.listParameters = Set.copyOf(listParameters);
        this.joined = joined;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A proxy to {@code target} that renames the form parameters the description declares as arrays. */
    static ListFormProxy start(String target, JsonNode description) throws IOException {
        return new ListFormProxy(target, listParameters(description), false);
    }

    /**
     * A proxy to {@code target} that joins the values of each form parameter the description declares as an array
     * with commas, for Prism serving the description {@link #withJoinedLists} made.
     */
    static ListFormProxy startJoining(String target, JsonNode description) throws IOException {
        return new ListFormProxy(target, listParameters(description), true);
    }

    /**
     * The description with each form's arrays declared in OpenAPI's form style, not exploded, reserved characters
     * allowed, so that Prism reads {@code MessageSamples=a,b} as the array {@code [a, b]} (a value's own comma makes two
     * of it, still an array of strings): a copy, the given one is left as it is.
     */
    static JsonNode withJoinedLists(JsonNode description) {
        JsonNode copy = description.deepCopy();
        copy.path("paths").forEach(path -> path.forEach(operation -> {
            JsonNode form = operation.path("requestBody").path("content").path(FORM);
            form.path("schema").path("properties").fields().forEachRemaining(property -> {
                if ("array".equals(property.getValue().path("type").asText())) {
                    ObjectNode encoding = form.has("encoding") ? (ObjectNode) form.get("encoding")
                            : ((ObjectNode) form).putObject("encoding");
                    encoding.putObject(property.getKey())
                            .put("style", "form").put("explode", false).put("allowReserved", true);
                }
            });
        }));
        return copy;
    }

    /** The names of the form parameters of type array, of any operation of the description. */
    static Set<String> listParameters(JsonNode description) {
        Set<String> names = new TreeSet<>();
        description.path("paths").forEach(path -> path.forEach(operation -> operation.path("requestBody")
                .path("content").path(FORM).path("schema").path("properties").fields().forEachRemaining(property -> {
                    if ("array".equals(property.getValue().path("type").asText())) {
                        names.add(property.getKey());
                    }
                })));
        return names;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests the connector sent, in order. */
    List<SentRequest> requests() {
        return List.copyOf(sent);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<Map.Entry<String, String>> form = parse(body);
            String query = exchange.getRequestURI().getRawQuery();
            sent.add(new SentRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    parse(query == null ? "" : query), form));
            ClassicRequestBuilder request = ClassicRequestBuilder.create(exchange.getRequestMethod())
                    .setUri(target + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            copyHeader(exchange, request, HttpHeaders.AUTHORIZATION);
            copyHeader(exchange, request, HttpHeaders.ACCEPT);
            if (!body.isEmpty()) {
                request.setEntity(new StringEntity(encode(form), ContentType.APPLICATION_FORM_URLENCODED));
            }
            ClassicHttpRequest toPrism = request.build();
            client.execute(toPrism, response -> {
                byte[] answer = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                if (response.getEntity() != null && response.getEntity().getContentType() != null) {
                    exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, response.getEntity().getContentType());
                }
                exchange.sendResponseHeaders(response.getCode(), answer.length == 0 ? -1 : answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                return null;
            });
        }
    }

    private static void copyHeader(HttpExchange exchange, ClassicRequestBuilder request, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
            request.setHeader(name, value);
        }
    }

    private static List<Map.Entry<String, String>> parse(String body) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return form;
    }

    private String encode(List<Map.Entry<String, String>> form) {
        return joined ? encodeJoined(form) : encodeBracketed(form);
    }

    private String encodeJoined(List<Map.Entry<String, String>> form) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> pairs = new ArrayList<>();
        form.forEach(entry -> {
            if (listParameters.contains(entry.getKey())) {
                lists.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(entry.getValue());
            } else {
                pairs.add(pair(entry.getKey(), entry.getValue()));
            }
        });
        lists.forEach((name, values) -> pairs.add(pair(name, String.join(",", values))));
        return String.join("&", pairs);
    }

    private String encodeBracketed(List<Map.Entry<String, String>> form) {
        return form.stream()
                .map(entry -> pair(listParameters.contains(entry.getKey()) ? entry.getKey() + "[]" : entry.getKey(),
                        entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String pair(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
