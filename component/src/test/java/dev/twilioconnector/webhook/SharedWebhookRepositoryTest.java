package dev.twilioconnector.webhook;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.support.SandboxTestSupport;
import dev.twilioconnector.support.WebhookServer;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes behind one public URL, each with its own HTTP server, remembering idempotency tokens in the one
 * repository of the component's webhookIdempotentRepository: Twilio's retry of a webhook that reaches the other
 * node is answered 200 and not delivered again.
 */
class SharedWebhookRepositoryTest extends SandboxTestSupport {

    private static final int PORT_A = AvailablePortFinder.getNextAvailable();
    private static final int PORT_B = AvailablePortFinder.getNextAvailable();
    private static final String ROUTE = "twilio-connector:webhook/sms?webhookBaseUrl=https://hooks.example.com";

    private final IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(100);
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newHttpClient();
    private CamelContext nodeB;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        WebhookServer.addTo(camel, PORT_A);
        camel.getComponent("twilio-connector", TwilioConnectorComponent.class).getConfiguration().setWebhookIdempotentRepository(shared);
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return receivingAs("node-a");
    }

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    @Test
    void aRetryReachingTheOtherNodeIsAnswered200AndDeliveredOnce() throws Exception {
        nodeB = new DefaultCamelContext();
        WebhookServer.addTo(nodeB, PORT_B);
        TwilioConnectorComponent component = sandboxConnection(sandbox);
        component.getConfiguration().setWebhookIdempotentRepository(shared);
        nodeB.addComponent("twilio-connector", component);
        nodeB.addRoutes(receivingAs("node-b"));
        nodeB.start();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        form.put("AccountSid", sandbox.accountSid());
        form.put("Body", "once, whichever node");
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        String signature = new TwilioSignature(sandbox.authToken()).sign("https://hooks.example.com/sms", params);

        HttpResponse<String> first = post(PORT_A, form, signature, "token-1");
        HttpResponse<String> retry = post(PORT_B, form, signature, "token-1");
        HttpResponse<String> another = post(PORT_B, form, signature, "token-2");

        assertThat(List.of(first.statusCode(), retry.statusCode(), another.statusCode())).containsExactly(200, 200, 200);
        assertThat(retry.body()).isEqualTo("<Response/>");
        assertThat(received).containsExactly("node-a", "node-b");
        assertThat(shared.contains("token-1 " + signature)).isTrue();
    }

    private RouteBuilder receivingAs(String node) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).process(exchange -> received.add(node));
            }
        };
    }

    private HttpResponse<String> post(int port, Map<String, String> form, String signature, String token) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .header("I-Twilio-Idempotency-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
