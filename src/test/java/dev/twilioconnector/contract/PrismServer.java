package dev.twilioconnector.contract;

import org.apache.camel.test.AvailablePortFinder;

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
    private static final String PORT_TAKEN = "EADDRINUSE";
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final Path log;
    private final int port;

    private PrismServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Prism serving {@code spec} on a free loopback port. A port found free can be taken before Prism binds it, by
     * another build on the same machine: Prism then exits at once, and starts again on another port.
     */
    static PrismServer start(Path prismDir, Path spec) throws IOException, InterruptedException {
        Path prism = prismDir.resolve("node_modules/.bin/prism");
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException("Prism is missing at " + prism + "; the build installs it with npm"
                    + " (src/build/fetch-prism.sh)");
        }
        for (int attempt = 1; ; attempt++) {
            PrismServer server = launch(prism, spec, AvailablePortFinder.getNextAvailable());
            if (server.awaitListening() || !server.log().contains(PORT_TAKEN) || attempt == PORT_ATTEMPTS) {
                return server.listening();
            }
        }
    }

    private static PrismServer launch(Path prism, Path spec, int port) throws IOException {
        Path log = Files.createTempFile("prism", ".log");
        Process process = new ProcessBuilder(prism.toString(), "mock", "--host", "127.0.0.1", "--port", String.valueOf(port),
                spec.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PrismServer(process, log, port);
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

    /** Whether Prism listens, waiting for it while it starts; false when it exited or did not start in time. */
    private boolean awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!log().contains("Prism is listening")) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private PrismServer listening() {
        if (!log().contains("Prism is listening")) {
            throw new IllegalStateException("Prism on port " + port + " exited or did not start within " + START_TIMEOUT
                    + ":\n" + log());
        }
        return this;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
