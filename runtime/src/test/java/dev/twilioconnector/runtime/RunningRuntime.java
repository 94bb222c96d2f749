package dev.twilioconnector.runtime;

import dev.twilioconnector.sandbox.TwilioSandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A runner started in this JVM on a free port, with the flows and settings a test gives; stopped by close. */
final class RunningRuntime implements AutoCloseable {

    static final Path ROUTES = Path.of(System.getProperty("routes.dir", "../routes")).toAbsolutePath().normalize();
    /** The flows that change records by fixed SIDs, which the runner loads with the sandbox only. */
    static final Path DEMO_ROUTES = ROUTES.resolve("demo");

    private final TwilioConnectorRuntime runtime;
    private final int port;
    private final Path flowsDir;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningRuntime(TwilioConnectorRuntime runtime, int port, Path flowsDir) {
        this.runtime = runtime;
        this.port = port;
        this.flowsDir = flowsDir;
    }

    /** Starts a runner with {@code routes} (a routes-include-pattern) and the given settings; no environment. */
    static RunningRuntime start(String routes, Map<String, String> settings) throws Exception {
        int port = freePort();
        Map<String, String> properties = new LinkedHashMap<>(settings);
        properties.put("camel.server.port", Integer.toString(port));
        properties.put("camel.management.port", Integer.toString(port));
        // where flows write their files (the calls export): a temporary folder, not the working directory
        Path flowsDir = Files.createTempDirectory("twilio-flows");
        properties.putIfAbsent("twilio.flows.dir", flowsDir.toString());
        TwilioConnectorRuntime runtime = TwilioConnectorRuntime.create(Map.of(), properties, "--routes=" + routes);
        try {
            runtime.start();
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        return new RunningRuntime(runtime, port, flowsDir);
    }

    TwilioConnectorRuntime runtime() {
        return runtime;
    }

    TwilioSandbox sandbox() {
        return runtime.sandbox();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where the flows write their files ({@code twilio.flows.dir}). */
    Path flowsDir() {
        return flowsDir;
    }

    /** The runner's own URL of {@code path}, as a client on this machine reaches it. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** POSTs a form body with the given headers. */
    HttpResponse<String> postForm(String path, String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on now, for a runner to take. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runtime.close();
        try (Stream<Path> files = Files.walk(flowsDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
