package dev.twilioconnector.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.TwilioConnectorComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * routes/demo/copy-conversation-messages.yaml as written, against the sandbox's Conversations under its path prefix,
 * as the runner wires it: each message of the conversation once, as a JSON line of its transcript, those written
 * while it runs too, and none of another conversation.
 */
class ConversationMessagesFlowTest extends FlowTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getPropertiesComponent().addOverrideProperty("twilio.flows.poll-delay", "100");
        Path state = dataDir.resolve("state");
        camel.getRegistry().bind("twilioIdempotentRepository",
                FileIdempotentRepository.fileIdempotentRepository(state.resolve("idempotent-repository.dat").toFile()));
        TwilioConnectorComponent connector = camel.getComponent("twilio-connector", TwilioConnectorComponent.class);
        connector.getConfiguration().setStateRepository(
                FileStateRepository.fileStateRepository(state.resolve("cursors.state").toFile()));
        return camel;
    }

    @Test
    void eachMessageOfTheConversationIsAppendedOnceToItsTranscript() throws Exception {
        String conversation = (String) sandbox.conversationMessage("support", "+15558675310", "Is my order on its way?")
                .get("conversation_sid");
        sandbox.conversationMessage("sales", "+15550001111", "Not this conversation");
        context.getPropertiesComponent().addOverrideProperty("twilio.flows.conversation-sid", conversation);
        load("demo/copy-conversation-messages.yaml");
        context.start();
        Path transcript = dataDir.resolve("conversations/" + conversation + ".jsonl");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines(transcript).size() == 1);

        sandbox.conversationMessage("support", "agent-7", "It ships today.");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines(transcript).size() == 2);
        long polled = requests().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> requests().size() >= polled + 3);

        List<JsonNode> messages = new ArrayList<>();
        for (String line : lines(transcript)) {
            messages.add(JSON.readTree(line));
        }
        assertThat(messages).extracting(m -> m.get("Index").asInt(), m -> m.get("Author").asText(),
                m -> m.get("Body").asText()).containsExactly(
                tuple(0, "+15558675310", "Is my order on its way?"),
                tuple(1, "agent-7", "It ships today."));
        assertThat(messages).allSatisfy(m -> assertThat(m.get("ConversationSid").asText()).isEqualTo(conversation));
        try (Stream<Path> files = Files.list(dataDir.resolve("conversations"))) {
            assertThat(files).singleElement().isEqualTo(transcript);
        }
        assertThat(requests()).extracting(r -> r.method() + " " + r.path() + "?" + r.rawQuery())
                .containsOnly("GET /conversations/v1/Conversations/" + conversation + "/Messages?PageSize=100");
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
