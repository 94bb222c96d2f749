package dev.twilioconnector.contract;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stands between the connector and Prism on loopback: records each request as the connector sent it, then hands it
 * to Prism with the form's list parameters renamed. Twilio takes a list as the name repeated
 * ({@code MediaUrl=a&MediaUrl=b}), as its description says and the connector sends; Prism 5.16 reads a form array
 * only from {@code MediaUrl[]=a&MediaUrl[]=b} and refuses even one {@code MediaUrl=a}. So the test holds what the
 * connector sent to Twilio's form, and Prism checks everything else of the request against the description.
 */
final class ListFormProxy implements AutoCloseable {

    /** One request as the connector sent it: the form's parameters in order, a list's name once per value. */
    record SentRequest(String method, String path, List<Map.Entry<String, String>> form) {

        List<String> values(String name) {
            return form.stream().filter(entry -> entry.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpServer server;
    private final CloseableHttpClient client = HttpClients.createDefault();
    private final String target;
    private final Set<String> listParameters;
    private final List<SentRequest> sent = Collections.synchronizedList(new ArrayList<>());

    private ListFormProxy(String target, Set<String> listParameters) throws IOException {
        this.target = target;
        this.listParameters = Set.copyOf(listParameters);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A proxy to {@code target} that renames the form parameters the description declares as arrays. */
    static ListFormProxy start(String target, JsonNode description) throws IOException {
        return new ListFormProxy(target, listParameters(description));
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
            sent.add(new SentRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), form));
            String query = exchange.getRequestURI().getRawQuery();
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
        return form.stream()
                .map(entry -> URLEncoder.encode(listParameters.contains(entry.getKey()) ? entry.getKey() + "[]" : entry.getKey(),
                        StandardCharsets.UTF_8) + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
