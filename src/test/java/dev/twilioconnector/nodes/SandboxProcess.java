package dev.twilioconnector.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twilioconnector.sandbox.SandboxMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox in a JVM of its own ({@link SandboxMain}), as the nodes of one connection share it, driven through its
 * admin API: records put while the nodes run, the request log read with the sandbox's own arrival stamps, and the
 * account's request limit.
 */
final class SandboxProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String baseUrl;
    private final String accountSid;
    private final String authToken;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> logged = new ArrayList<>();
    private String cursor;

    private SandboxProcess(Process process, String baseUrl, String accountSid, String authToken) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    static SandboxProcess start(Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(RunnerNode.javaCommand(), "-Xmx1g", "-XX:+UseZGC",
                "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(logs.resolve("sandbox-stderr.log").toFile()).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String baseUrl = lines.readLine();
        String accountSid = lines.readLine();
        String authToken = lines.readLine();
        if (authToken == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the sandbox did not start; see " + logs.resolve("sandbox-stderr.log"));
        }
        return new SandboxProcess(process, baseUrl, accountSid, authToken);
    }

    String baseUrl() {
        return baseUrl;
    }

    String accountSid() {
        return accountSid;
    }

    String authToken() {
        return authToken;
    }

    /** Stores inbound messages as Twilio would show them, each with its own send time; answers their SIDs. */
    List<String> putInboundMessages(List<Map<String, Object>> messages) {
        ObjectNode body = JSON.createObjectNode().put("path", "Messages");
        ArrayNode records = body.putArray("records");
        messages.forEach(message -> records.add(JSON.valueToTree(message)));
        JsonNode stored = send(HttpRequest.newBuilder(admin("records")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        List<String> sids = new ArrayList<>();
        stored.get("records").forEach(record -> sids.add(record.get("sid").asText()));
        return sids;
    }

    /**
     * The requests logged, in order of arrival. Each call fetches only those logged since the last (the log's cursor),
     * as tests poll it while thousands of requests arrive.
     */
    synchronized List<JsonNode> requests() {
        JsonNode page = send(HttpRequest.newBuilder(admin("requests" + (cursor == null ? "" : "?after=" + cursor))).GET().build());
        page.get("requests").forEach(logged::add);
        cursor = page.get("cursor").asText();
        logged.sort(Comparator.comparingLong(request -> request.get("receivedNanos").asLong()));
        return List.copyOf(logged);
    }

    /** Admits at most {@code perSecond} requests of the account in any second; 0 lifts the limit. */
    void limitAccount(int perSecond) {
        send(HttpRequest.newBuilder(admin("account-limit")).PUT(HttpRequest.BodyPublishers.ofString(String.valueOf(perSecond))).build());
    }

    private URI admin(String path) {
        return URI.create(baseUrl + "/sandbox/" + path);
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
