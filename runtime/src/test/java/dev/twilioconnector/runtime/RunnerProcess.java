package dev.twilioconnector.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runner as a separate JVM, as a user starts it: the given JVM options ({@code -D}), environment variables
 * and arguments, in a working directory of its own, on a free port; no {@code TWILIO_*} or {@code CAMEL_*}
 * variables of the build leak in. Stopped by close if still running.
 */
final class RunnerProcess implements AutoCloseable {

    private final Process process;
    private final Path logs;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunnerProcess(Process process, Path logs, int port) {
        this.process = process;
        this.logs = logs;
        this.port = port;
    }

    /** {@code java -cp <test class path> TwilioConnectorRuntime args}. */
    static RunnerProcess start(Path dir, List<String> jvmOptions, Map<String, String> environment, String... args) {
        int port = RunningRuntime.freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile")));
        command.addAll(portOptions(port));
        command.addAll(jvmOptions);
        command.add(TwilioConnectorRuntime.class.getName());
        command.addAll(List.of(args));
        return start(dir, dir, command, environment, port);
    }

    /**
     * Any command, e.g. {@code java -jar twilio-connector-runtime.jar}, with the same environment rules, run in
     * {@code dir}, its standard output and error written to {@code logs}.
     */
    static RunnerProcess start(Path dir, Path logs, List<String> command, Map<String, String> environment) {
        return start(dir, logs, command, environment, -1);
    }

    private static RunnerProcess start(Path dir, Path logs, List<String> command, Map<String, String> environment, int port) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(logs.resolve("stdout.log").toFile()).redirectError(logs.resolve("stderr.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TWILIO_") || name.startsWith("CAMEL_"));
        builder.environment().putAll(environment);
        try {
            return new RunnerProcess(builder.start(), logs, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the runner: " + command, e);
        }
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The runner's HTTP server and management on one free port, so that runs do not collide. */
    static List<String> portOptions() {
        return portOptions(RunningRuntime.freePort());
    }

    private static List<String> portOptions(int port) {
        return List.of("-Dcamel.server.port=" + port, "-Dcamel.management.port=" + port);
    }

    /** GETs {@code path} of the runner started with {@link #start(Path, List, Map, String...)}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Ends the process at once, as kill -9 does: no shutdown hook, no lock released by the runner. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Waits for the runner to end by itself and answers its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runner did not stop within 60 s; its output: " + stdout());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() {
        return read("stdout.log");
    }

    String stderr() {
        return read("stderr.log");
    }

    private String read(String file) {
        try {
            return Files.readString(logs.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
