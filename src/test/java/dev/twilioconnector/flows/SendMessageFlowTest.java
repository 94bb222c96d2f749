package dev.twilioconnector.flows;

import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Runs {@code routes/demo/send-message-and-wait.yaml} as written against the sandbox, which moves the message
 * through its statuses by itself as Twilio does: the flow returns once the message is delivered. The timer is
 * replaced by a direct endpoint so the test decides when it fires.
 */
class SendMessageFlowTest extends FlowTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void theFlowReturnsTheMessageOnceTheSandboxDeliveredIt() throws Exception {
        sandbox.statusProgression().every(Duration.ofMillis(200));
        MockEndpoint out = loadFiredByHand("demo/send-message-and-wait.yaml", "send-message-and-wait");
        out.expectedMessageCount(1);
        out.setResultWaitTime(TimeUnit.SECONDS.toMillis(30));

        producer.sendBody("direct:send-message-and-wait", null);

        out.assertIsSatisfied();
        Map<String, Object> record = out.getExchanges().get(0).getMessage().getBody(Map.class);
        assertThat(record).containsEntry("Status", "delivered").containsEntry("To", "+15558675310")
                .containsEntry("Sender", "+15017122661").containsEntry("Body", "Your order has shipped")
                .doesNotContainEntry("DateSent", null);
        String sid = (String) record.get("Sid");
        assertThat(sandbox.records("Messages")).singleElement().satisfies(message ->
                assertThat(message).containsEntry("sid", sid).containsEntry("status", "delivered"));
        assertThat(requests().get(0).formParams()).containsExactly(entry("To", List.of("+15558675310")),
                entry("From", List.of("+15017122661")), entry("Body", List.of("Your order has shipped")));
        List<String> lines = requestLines();
        assertThat(lines.get(0)).isEqualTo("POST " + accountPath("Messages.json"));
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allMatch(line -> line.equals("GET " + accountPath("Messages/" + sid + ".json")));
    }
}
