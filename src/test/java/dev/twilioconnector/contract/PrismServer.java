package dev.twilioconnector.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Stoplight Prism serving Twilio's official OpenAPI description as a validating mock on a loopback port: it answers
 * a request that breaks the description with 422, and any other with the description's own example response.
 */
final class PrismServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private PrismServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static PrismServer start(Path prismDir, Path spec, int port) throws IOException, InterruptedException {
        Path prism = prismDir.resolve("node_modules/.bin/prism");
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException("Prism is missing at " + prism + "; the build installs it with npm"
                    + " (src/build/fetch-prism.sh)");
        }
        Path log = Files.createTempFile("prism", ".log");
        Process process = new ProcessBuilder(prism.toString(), "mock", "--host", "127.0.0.1", "--port", String.valueOf(port),
                spec.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrismServer server = new PrismServer(process, log, port);
        server.awaitListening();
        return server;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What Prism printed about the requests so far, to explain a failed assertion. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!log().contains("Prism is listening")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("Prism did not start within " + START_TIMEOUT + ":\n" + log());
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
