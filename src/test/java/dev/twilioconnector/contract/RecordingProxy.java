package dev.twilioconnector.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stands between the connector and Prism on loopback: records each request exactly as the connector sent it (method,
 * path, query, headers and body), then hands it on to Prism unchanged but for one thing, the form's lists. Twilio
 * takes a list as the name repeated ({@code MediaUrl=a&MediaUrl=b}), as its description says (OpenAPI's default for
 * a form) and the connector sends; Prism 5.16 keeps only the last value of a repeated name, and refuses even one
 * {@code MediaUrl=a} as not an array. So the proxy joins a list's values with commas ({@code MediaUrl=a,b}), which
 * Prism reads as an array, and checks as one, where the description it serves declares the list's form style
 * unexploded ({@link #withJoinedLists}): the test holds what the connector sent, Prism checks the rest.
 */
final class RecordingProxy implements AutoCloseable {

    /**
     * One request as the connector sent it.
     *
     * @param path    the raw path
     * @param query   the raw query, null when there was none
     * @param headers every header, by its name in lower case, with its first value
     * @param body    the body as text, empty when there was none
     */
    record SentRequest(String method, String path, String query, Map<String, String> headers, String body) {

        /** The request line as the connector sent it: {@code GET /v2/Content?PageSize=25}. */
        String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }

        /** The query's parameters, in order, decoded. */
        List<Map.Entry<String, String>> queryParameters() {
            return decoded(query == null ? "" : query);
        }

        /** The form's parameters, in order, decoded, a list's name once per value; empty when the body is no form. */
        List<Map.Entry<String, String>> form() {
            return isForm(headers.get("content-type")) ? decoded(body) : List.of();
        }

        /** The values of the form's parameter {@code name}, in order. */
        List<String> values(String name) {
            return form().stream().filter(entry -> entry.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpServer server;
    private final CloseableHttpClient client = HttpClients.createDefault();
    private final String target;
    private final Set<String> listParameters;
    private final List<SentRequest> sent = Collections.synchronizedList(new ArrayList<>());

    private RecordingProxy(String target, Set<String> listParameters) throws IOException {
        this.target = target;
        this.listParameters = Set.copyOf(listParameters);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /**
     * A proxy to {@code target}, Prism serving {@code description} as {@link #withJoinedLists} made it, that joins
     * the values of each form parameter the description declares as an array.
     */
    static RecordingProxy start(String target, JsonNode description) throws IOException {
        return new RecordingProxy(target, listParameters(description));
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
    private static Set<String> listParameters(JsonNode description) {
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
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String query = exchange.getRequestURI().getRawQuery();
            SentRequest request = new SentRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query,
                    headers, new String(body, StandardCharsets.UTF_8));
            sent.add(request);
            ClassicRequestBuilder toPrism = ClassicRequestBuilder.create(request.method())
                    .setUri(target + request.path() + (query == null ? "" : "?" + query));
            headers.forEach((name, value) -> {
                if (!isHopByHop(name)) {
                    toPrism.setHeader(name, value);
                }
            });
            String type = headers.get("content-type");
            if (isForm(type)) {
                toPrism.setEntity(new StringEntity(joined(request.form()), ContentType.APPLICATION_FORM_URLENCODED));
            } else if (body.length > 0) {
                toPrism.setEntity(new ByteArrayEntity(body, type == null ? null : ContentType.parse(type)));
            }
            client.execute(toPrism.build(), response -> {
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

    /** Headers of the connection to the proxy and of the body, which the client sets anew for its request to Prism. */
    private static boolean isHopByHop(String name) {
        return Set.of("host", "content-length", "content-type", "connection", "transfer-encoding", "keep-alive")
                .contains(name);
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    private String joined(List<Map.Entry<String, String>> form) {
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

    private static List<Map.Entry<String, String>> decoded(String encoded) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return parameters;
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
