package dev.twilioconnector.runtime;

import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged runner as the README starts it: {@code java -jar runtime/target/twilio-connector-runtime.jar} from
 * the repository's root, with no Twilio account and no arguments, loads every flow of {@code routes/} and
 * {@code routes/demo/} by its default pattern, starts them against the embedded sandbox and keeps serving; with an
 * account, only those of {@code routes/}.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("runner.jar", "target/twilio-connector-runtime.jar"))
            .toAbsolutePath();
    private static final Pattern ROUTE_ID = Pattern.compile("(?m)^- route:\\s*\\n\\s+id:\\s*(\\S+)");

    @TempDir
    Path logs;

    @Test
    void theJarStartsEveryFlowOfRoutesAndItsDemoFlowsFromTheRepositoryRootOnTheSandbox() throws Exception {
        Path root = RunningRuntime.ROUTES.getParent();
        List<String> command = new ArrayList<>(List.of(RunnerProcess.javaCommand()));
        command.addAll(RunnerProcess.portOptions());
        command.addAll(List.of("-Dtwilio.flows.dir=" + logs.resolve("flows"), "-jar", JAR.toString()));

        try (RunnerProcess runner = RunnerProcess.start(root, logs, command, Map.of())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> runner.stdout().contains("(twilio-connector) started in")
                    || !runner.isAlive());

            assertThat(runner.isAlive()).as("the runner runs; its errors: %s", runner.stderr()).isTrue();
            assertThat(runner.stdout()).contains("the connection talks to the embedded sandbox");
            for (String route : routeIds()) {
                assertThat(runner.stdout()).contains("Started " + route + " (");
            }
        }
    }

    @Test
    void withAnAccountTheJarRunsTheFlowsOfRoutesButNeverTheDemoFlows() throws Exception {
        try (TwilioSandbox twilio = TwilioSandbox.start()) {
            List<String> command = new ArrayList<>(List.of(RunnerProcess.javaCommand()));
            command.addAll(RunnerProcess.portOptions());
            command.addAll(List.of("-Dtwilio.flows.dir=" + logs.resolve("flows"), "-Dtwilio.account_sid=" + twilio.accountSid(),
                    "-Dtwilio.auth_token=" + twilio.authToken(), "-Dtwilio.base_url=" + twilio.baseUrl(), "-jar", JAR.toString()));

            try (RunnerProcess runner = RunnerProcess.start(RunningRuntime.ROUTES.getParent(), logs, command, Map.of())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> runner.stdout().contains("(twilio-connector) started in")
                        || !runner.isAlive());

                assertThat(runner.isAlive()).as("the runner runs; its errors: %s", runner.stderr()).isTrue();
                assertThat(runner.stdout()).doesNotContain("embedded sandbox").contains("Started forward-inbound-sms (")
                        .doesNotContain("Started create-message (").doesNotContain("Started delete-call (");
                assertThat(twilio.requests()).extracting(RecordedRequest::method).doesNotContain("POST", "DELETE");
            }
        }
    }

    /** The ids of the routes in routes/*.yaml and, since the runner is on the sandbox, routes/demo/*.yaml. */
    private static List<String> routeIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Path folder : List.of(RunningRuntime.ROUTES, RunningRuntime.DEMO_ROUTES)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Matcher id = ROUTE_ID.matcher(Files.readString(file));
                    while (id.find()) {
                        ids.add(id.group(1));
                    }
                }
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(13);
        return ids;
    }
}
