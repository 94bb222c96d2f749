package dev.twilioconnector.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner as a process: a route that does not load, or a bad setting, ends it with exit code 1 and one line. */
class RunnerStartupFailureTest {

    @TempDir
    Path dir;

    @Test
    void aRouteThatFailsToLoadExitsWithOneLine() throws Exception {
        Path route = Files.writeString(dir.resolve("broken.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: "timer:broken?repeatCount=1"
                      steps:
                        - to: "twilio-connector:Messagez/Create"
                """);

        Result result = run(List.of(), "--routes=file:" + route);

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).hasLineCount(1).startsWith("twilio-connector-runtime: Failed to create route: broken")
                .contains("Unknown entity 'Messagez'");
    }

    @Test
    void aBadSettingExitsNamingTheSetting() throws Exception {
        Result result = run(List.of("-Dcamel.component.twilio-connector.connection-name=Shop_Prod"),
                "--routes=file:" + RunningRuntime.ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting connectionName 'Shop_Prod' is not allowed:"
                + " use lowercase letters, digits and hyphens, start with a letter and end with a letter or digit\n");
    }

    @Test
    void applicationPropertiesInTheWorkingDirectoryAreReadWithTheShortForm() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "twilio.proxy_enabled=true\ntwilio.proxy_ssltype=SOMETIMES\n");

        Result result = run(List.of(), "--routes=file:" + RunningRuntime.ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting proxySslType 'SOMETIMES' is not allowed:"
                + " allowed values are AUTO, ALWAYS, NEVER, TUNNEL\n");
    }

    @Test
    void anUnknownArgumentExitsWithTheUsage() throws Exception {
        Result result = run(List.of(), "--rootes=file:routes/*.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: unknown argument '--rootes=file:routes/*.yaml': usage:"
                + " java -jar twilio-connector-runtime.jar [--routes=<pattern>], settings in application.properties, -D or"
                + " the environment\n");
    }

    private record Result(int exitCode, String stderr) {
    }

    private Result run(List<String> jvmOptions, String... args) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile"),
                "-Dcamel.server.port=" + port, "-Dcamel.management.port=" + port));
        command.addAll(jvmOptions);
        command.add(TwilioConnectorRuntime.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile()).redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TWILIO_") || name.startsWith("CAMEL_"));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runner did not stop within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("stderr.log"), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
