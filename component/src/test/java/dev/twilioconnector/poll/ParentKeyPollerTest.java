package dev.twilioconnector.poll;

import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poller of a product's entity below a parent, Conversations' messages of one conversation, against the sandbox's
 * Conversations: the parent key in the filterClause names the list's path, the cursor runs on {@code DateCreated},
 * and each message comes once, oldest first, those of other conversations never.
 */
class ParentKeyPollerTest extends SandboxTestSupport {

    private final List<Exchange> received = Collections.synchronizedList(new ArrayList<>());
    private final MemoryStateRepository cursors = new MemoryStateRepository();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getRegistry().bind("cursors", cursors);
        return camel;
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void eachMessageOfTheConversationComesOnceOldestFirst() throws Exception {
        String support = (String) sandbox.conversationMessage("support", "+15558675310", "Hi").get("conversation_sid");
        sandbox.conversationMessage("support", "agent-7", "Hello, how can I help?");
        sandbox.conversationMessage("sales", "+15550001111", "Not this one");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("twilio-connector:Conversations.ConversationMessages/List?delay=50&stateRepository=#cursors"
                        + "&filterClause=RAW(ConversationSid = '" + support + "')").routeId("poller")
                        .process(exchange -> received.add(exchange.copy()));
            }
        });
        context.start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received)
                .as("delivered after the requests %s", requestStatuses()).hasSizeGreaterThanOrEqualTo(2));

        sandbox.conversationMessage("support", "+15558675310", "Where is my parcel?");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        int polls = pollsOfSupport();
        await().atMost(Duration.ofSeconds(10)).until(() -> pollsOfSupport() >= polls + 2);

        // the first two may share a second, and records that share their time come in the order of their SIDs
        assertThat(received.subList(0, 2)).extracting(exchange -> exchange.getMessage().getBody(Map.class).get("Body"))
                .containsExactlyInAnyOrder("Hi", "Hello, how can I help?");
        assertThat(received).hasSize(3).last().extracting(exchange -> exchange.getMessage().getBody(Map.class))
                .satisfies(last -> assertThat(last).containsEntry("Body", "Where is my parcel?").containsEntry("Index", 2)
                        .containsEntry("ConversationSid", support));
        assertThat(requests()).extracting(r -> r.method() + " " + r.path())
                .containsOnly("GET /conversations/v1/Conversations/" + support + "/Messages");
    }

    private static List<String> requestStatuses() {
        return requests().stream().map(r -> r.method() + " " + r.path() + "?" + r.rawQuery() + " " + r.status()).toList();
    }

    private int pollsOfSupport() {
        return requests().size();
    }
}
