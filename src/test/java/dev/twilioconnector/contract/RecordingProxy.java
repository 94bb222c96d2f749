package dev.twilioconnector.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands between the connector and Prism on loopback and hands each request on unchanged, recording it as the
 * connector sent it: method, path, query, headers and body, so a test can hold the exact request where Prism only
 * says whether the description allows it.
 */
final class RecordingProxy implements AutoCloseable {

    /**
     * One request as the connector sent it.
     *
     * @param query   the raw query, null when there was none
     * @param headers every header, by its name in lower case, with its first value
     * @param body    the body as text, empty when there was none
     */
    record SentRequest(String method, String path, String query, Map<String, String> headers, String body) {

        String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private final HttpServer server;
    private final CloseableHttpClient client = HttpClients.createDefault();
    private final String target;
    private final List<SentRequest> sent = Collections.synchronizedList(new ArrayList<>());

    private RecordingProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    static RecordingProxy start(String target) throws IOException {
        return new RecordingProxy(target);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<SentRequest> requests() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String query = exchange.getRequestURI().getRawQuery();
            sent.add(new SentRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query, headers,
                    new String(body, StandardCharsets.UTF_8)));
            ClassicRequestBuilder request = ClassicRequestBuilder.create(exchange.getRequestMethod())
                    .setUri(target + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!isHopByHop(name)) {
                    request.setHeader(name, values.get(0));
                }
            });
            if (body.length > 0) {
                String type = exchange.getRequestHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
                request.setEntity(new ByteArrayEntity(body, type == null ? null : ContentType.parse(type)));
            }
            client.execute(request.build(), response -> {
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
        return List.of("host", "content-length", "content-type", "connection", "transfer-encoding", "keep-alive")
                .contains(name.toLowerCase(Locale.ROOT));
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
