package dev.twilioconnector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link LoopbackTwilioServer} in a child JVM. It needs nothing but the JDK, so its class path is the folder or jar
 * this class was loaded from, whether the benchmark runs under {@code java -cp} or Maven's exec plugin.
 */
final class LoopbackServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private LoopbackServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LoopbackServerProcess start(String accountSid, String messageSid) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", codeSource(),
                LoopbackTwilioServer.class.getName(), accountSid, messageSid))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("the loopback server did not start: it printed " + line);
        }
        return new LoopbackServerProcess(process, Integer.parseInt(line.substring("port ".length())));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The CPU time the server's JVM has used so far. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String codeSource() {
        try {
            return Path.of(LoopbackTwilioServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmark's classes", e);
        }
    }
}
