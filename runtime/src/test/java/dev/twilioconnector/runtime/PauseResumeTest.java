package dev.twilioconnector.runtime;

import dev.twilioconnector.sandbox.RecordedRequest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pausing the connection during a stream of Creates and resuming it: every message is sent exactly once. */
class PauseResumeTest {

    private static final int MESSAGES = 60;

    @TempDir
    Path routes;

    @Test
    void everyMessageIsSentExactlyOnceAcrossAPause() throws Exception {
        Files.writeString(routes.resolve("outbox.yaml"), """
                - route:
                    id: outbox
                    from:
                      uri: "seda:outbox?size=1000"
                      steps:
                        - delay:
                            expression:
                              constant: 20
                            asyncDelayed: false
                        - to: "twilio-connector:Messages/Create"
                """);
        try (RunningRuntime runner = RunningRuntime.start("file:" + routes + "/*.yaml", Map.of())) {
            ProducerTemplate producer = runner.runtime().context().createProducerTemplate();
            IntStream.range(0, MESSAGES).forEach(i -> producer.sendBody("seda:outbox",
                    "{\"To\":\"+1555000%04d\",\"Sender\":\"+15550000000\",\"Body\":\"message %d\"}".formatted(i, i)));
            await().atMost(Duration.ofSeconds(10)).until(() -> creates(runner).size() >= 10);

            HttpResponse<String> paused = runner.post("/connection/pause");
            int sentBeforePause = creates(runner).size();
            Thread.sleep(300);

            assertThat(paused.body()).isEqualTo("{\"state\":\"paused\",\"routes\":[\"outbox\"]}");
            assertThat(creates(runner)).hasSize(sentBeforePause);
            assertThat(sentBeforePause).isLessThan(MESSAGES);

            HttpResponse<String> resumed = runner.post("/connection/resume");
            await().atMost(Duration.ofSeconds(20)).until(() -> creates(runner).size() >= MESSAGES);
            Thread.sleep(100);

            assertThat(resumed.body()).isEqualTo("{\"state\":\"running\",\"routes\":[\"outbox\"]}");
            assertThat(creates(runner)).extracting(request -> request.formParams().get("To").get(0))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, MESSAGES)
                            .mapToObj(i -> "+1555000%04d".formatted(i)).toList());
        }
    }

    private static List<RecordedRequest> creates(RunningRuntime runner) {
        return runner.sandbox().requests().stream()
                .filter(request -> request.method().equals("POST") && request.path().endsWith("/Messages.json"))
                .toList();
    }
}
