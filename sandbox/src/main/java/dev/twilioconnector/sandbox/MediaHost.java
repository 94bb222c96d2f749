package dev.twilioconnector.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The second host of the sandbox, standing for the storage Twilio redirects a recording's or a media file's download
 * to: a temporary address on another host, which a client reaches without Twilio's credentials. It listens on
 * another loopback port, serves the content of each address the API host gave out, asks for no credentials and logs
 * every request with its headers.
 */
final class MediaHost implements AutoCloseable {

    private static final byte[] NOT_FOUND = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
            + "<Message>The specified key does not exist.</Message></Error>").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final Map<String, MediaContent> addresses = new ConcurrentHashMap<>();
    private final List<MediaRequest> requests = new ArrayList<>();

    MediaHost(ExecutorService executor) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox's media host", e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}: another port than the API's, so another origin. */
    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** A temporary address of {@code content} on this host, as Twilio's {@code Location} gives one. */
    String address(String kind, MediaContent content) {
        String path = "/" + kind + "/" + UUID.randomUUID();
        addresses.put(path, content);
        return baseUrl() + path;
    }

    synchronized List<MediaRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
        addresses.clear();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            MediaContent content = addresses.get(exchange.getRequestURI().getPath());
            boolean found = content != null && "GET".equals(exchange.getRequestMethod());
            log(exchange, found ? 200 : 404);
            if (!found) {
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(404, NOT_FOUND.length);
                exchange.getResponseBody().write(NOT_FOUND);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", content.contentType());
            // the JDK server takes 0 for a chunked body of unknown length, -1 for none
            exchange.sendResponseHeaders(200, content.length() == 0 ? -1 : content.length());
            try (OutputStream out = exchange.getResponseBody()) {
                content.writeTo(out);
            }
        }
    }

    private synchronized void log(HttpExchange exchange, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        requests.add(new MediaRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, status));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
