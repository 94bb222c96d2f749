package dev.twilioconnector.nodes;

import dev.twilioconnector.webhook.TwilioSignature;
import dev.twilioconnector.support.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twilio retries a webhook with the same I-Twilio-Idempotency-Token, and behind a load balancer the retry may reach
 * another node: the nodes share the tokens in PostgreSQL, so routes/message-status-callbacks.yaml gets it once.
 */
class WebhookOnceIT {

    private static final String FLOW = "message-status-callbacks";

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @TempDir
    Path dir;

    @Test
    void theSameCallbackSentToTwoNodesIsDeliveredOnce() throws Exception {
        String routes = "file:" + Path.of(System.getProperty("routes.dir", "../routes")).toAbsolutePath() + "/" + FLOW + ".yaml";
        try (ConnectionOfNodes connection = ConnectionOfNodes.start(dir, DATABASE, 2, routes, Map.of())) {
            connection.awaitStarted();
            String sid = "SM1f0e2d3c4b5a69788796a5b4c3d2e1f0";
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("MessageSid", List.of(sid));
            params.put("MessageStatus", List.of("delivered"));
            params.put("AccountSid", List.of(connection.sandbox().accountSid()));
            params.put("From", List.of("+15017122661"));
            params.put("To", List.of("+15558675310"));
            String signature = new TwilioSignature(connection.sandbox().authToken())
                    .sign(ConnectionOfNodes.PUBLIC_URL + "/message-status", params);
            Map<String, String> headers = Map.of("X-Twilio-Signature", signature, "I-Twilio-Idempotency-Token", "idem-" + sid);
            String form = params.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue().get(0), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));

            List<CompletableFuture<Integer>> answers = connection.nodes().stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> post(node, form, headers))).toList();

            assertThat(answers).extracting(CompletableFuture::join).containsOnly(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered(connection, sid) >= 1);
            Thread.sleep(2000);
            assertThat(delivered(connection, sid)).isEqualTo(1);
            assertThat(connection.shared("message-status").resolve(sid + ".json")).exists();
        }
    }

    private static long delivered(ConnectionOfNodes connection, String sid) {
        return connection.nodes().stream().mapToLong(node -> node.logLines("Message " + sid + " is delivered").size()).sum();
    }

    private static int post(RunnerNode node, String form, Map<String, String> headers) {
        try {
            return node.post("/message-status", form, headers);
        } catch (Exception e) {
            throw new IllegalStateException(node + ": " + e.getMessage(), e);
        }
    }
}
