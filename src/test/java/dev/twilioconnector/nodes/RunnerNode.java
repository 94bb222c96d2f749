package dev.twilioconnector.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of a connection: the packaged runner ({@code java -jar twilio-connector-runtime.jar}) in a JVM of its
 * own, with its own port and data folder, started as a user starts a second node next to the first.
 */
final class RunnerNode implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("runner.jar", "../runtime/target/twilio-connector-runtime.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunnerNode(String id, int port, Process process, Path log) {
        this.id = id;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * @param settings   {@code -D} settings of this node, beside its port
     * @param variables  environment variables (the account's {@code TWILIO_*})
     */
    static RunnerNode start(String id, int port, Path dir, Map<String, String> settings, Map<String, String> variables,
                            String routes) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:+UseZGC",
                "-Dcamel.server.port=" + port, "-Dcamel.management.port=" + port));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--routes=" + routes));
        Path log = dir.resolve("runner.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TWILIO_") || name.startsWith("CAMEL_"));
        builder.environment().putAll(variables);
        return new RunnerNode(id, port, builder.start(), log);
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String id() {
        return id;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no route stopping, no lock released. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** {@code GET /connection}, or null while the node does not answer. */
    JsonNode connection() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connection"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether this node leads {@code namespace}, as its {@code GET /connection} says. */
    boolean leads(String namespace) {
        JsonNode connection = connection();
        return connection != null && connection.path("leadership").path(namespace).asBoolean(false);
    }

    /** The value of a Prometheus metric of the node's {@code /observe/metrics}, or NaN when it has none. */
    double metric(String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** POSTs a form to the node's HTTP server, as Twilio's webhook would. */
    int post(String path, String form, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Lines of the node's output containing {@code text}. */
    List<String> logLines(String text) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public String toString() {
        return "node " + id + " on port " + port;
    }
}
