package dev.twilioconnector.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
                "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting connectionName 'Shop_Prod' is not allowed:"
                + " use lowercase letters, digits and hyphens, start with a letter and end with a letter or digit\n");
    }

    @Test
    void applicationPropertiesInTheWorkingDirectoryAreReadWithTheShortForm() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "twilio.proxy_enabled=true\ntwilio.proxy_ssltype=SOMETIMES\n");

        Result result = run(List.of(), "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting proxySslType 'SOMETIMES' is not allowed:"
                + " allowed values are AUTO, ALWAYS, NEVER, TUNNEL\n");
    }

    @Test
    void theShortFormIsReadFromSystemProperties() throws Exception {
        Result result = run(List.of("-Dtwilio.connection_name=Bad_Name"),
                "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting connectionName 'Bad_Name' is not allowed:"
                + " use lowercase letters, digits and hyphens, start with a letter and end with a letter or digit\n");
    }

    @Test
    void aTokenWithoutAnAccountStopsStartUpInsteadOfFallingBackToTheSandbox() throws Exception {
        Result result = run(List.of(), Map.of("TWILIO_AUTH_TOKEN", "a-real-token"),
                "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting accountSid is missing while an Auth Token"
                + " or API Key is set, so the runner does not fall back to the sandbox: set twilio.account_sid,"
                + " camel.component.twilio-connector.account-sid or TWILIO_ACCOUNT_SID\n");
    }

    @Test
    void theShortFormIsReadFromEnvironmentVariables() throws Exception {
        Result result = run(List.of(), Map.of("TWILIO_PROXY_ENABLED", "true", "TWILIO_PROXY_HOST", "proxy.corp.example",
                "TWILIO_PROXY_PORT", "70000"), "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting proxyPort is 70000: give the proxy's port,"
                + " 1..65535\n");
    }

    @Test
    void systemPropertiesWinOverTheEnvironmentWhichWinsOverApplicationProperties() throws Exception {
        Files.writeString(dir.resolve("application.properties"), "twilio.connection_name=From_File\n");
        String routes = "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml";

        Result file = run(List.of(), routes);
        Result environment = run(List.of(), Map.of("TWILIO_CONNECTION_NAME", "From_Env"), routes);
        Result system = run(List.of("-Dtwilio.connection-name=From_D"), Map.of("TWILIO_CONNECTION_NAME", "From_Env"), routes);

        assertThat(file.stderr).startsWith("twilio-connector-runtime: Setting connectionName 'From_File' is not allowed");
        assertThat(environment.stderr).startsWith("twilio-connector-runtime: Setting connectionName 'From_Env' is not allowed");
        assertThat(system.stderr).startsWith("twilio-connector-runtime: Setting connectionName 'From_D' is not allowed");
    }

    @Test
    void anUnknownShortSettingExitsNamingItButNotItsValue() throws Exception {
        Result result = run(List.of("-Dtwilio.auth_tokn=tok-4f1c9e0b7a"),
                "--routes=file:" + RunningRuntime.DEMO_ROUTES + "/get-recording.yaml");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("twilio-connector-runtime: Setting twilio.auth_tokn is not a connection setting:"
                + " the short form takes the options of camel.component.twilio-connector, e.g. twilio.proxy_host for"
                + " proxyHost\n");
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
        return run(jvmOptions, Map.of(), args);
    }

    private Result run(List<String> jvmOptions, Map<String, String> environment, String... args) throws Exception {
        try (RunnerProcess runner = RunnerProcess.start(dir, jvmOptions, environment, args)) {
            return new Result(runner.awaitExit(), runner.stderr());
        }
    }
}
