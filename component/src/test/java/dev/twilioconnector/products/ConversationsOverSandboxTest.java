package dev.twilioconnector.products;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations through the catalog against the sandbox's Conversations, served under a path prefix on its own host:
 * conversations, participants and messages created, read, listed by their conversation and deleted, with the exact
 * requests sent.
 */
class ConversationsOverSandboxTest extends SandboxTestSupport {

    private static final String PREFIX = "/conversations/v1/Conversations";

    @Test
    void aConversationsParticipantsAndMessagesAreCreatedAndListedByTheirConversation() {
        Map<String, Object> conversation = record(callOk("twilio-connector:Conversations.Conversations/Create",
                Map.of("Name", "Support", "UniqueName", "ticket-1")));
        String sid = (String) conversation.get("Sid");
        record(callOk("twilio-connector:Conversations.ConversationParticipants/Create",
                Map.of("ConversationSid", sid, "Identity", "agent-7")));
        Map<String, Object> hello = record(callOk("twilio-connector:Conversations.ConversationMessages/Create",
                Map.of("ConversationSid", sid, "Author", "agent-7", "Body", "Hello")));
        callOk("twilio-connector:Conversations.ConversationMessages/Create",
                Map.of("ConversationSid", sid, "Body", "How can I help?"));

        List<Map<String, Object>> listed = records(callOk("twilio-connector:Conversations.ConversationMessages/List",
                null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "ConversationSid = '" + sid + "' AND Index >= 1")));

        assertThat(conversation).containsEntry("Name", "Support").containsEntry("UniqueName", "ticket-1")
                .containsEntry("State", "active");
        assertThat(hello).containsEntry("Index", 0).containsEntry("Author", "agent-7").containsEntry("ConversationSid", sid);
        assertThat(String.valueOf(hello.get("DateCreated"))).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(listed).extracting(m -> m.get("Body")).containsExactly("How can I help?");
        assertThat(requestLines()).containsExactly(
                "POST " + PREFIX,
                "POST " + PREFIX + "/" + sid + "/Participants",
                "POST " + PREFIX + "/" + sid + "/Messages",
                "POST " + PREFIX + "/" + sid + "/Messages",
                "GET " + PREFIX + "/" + sid + "/Messages?PageSize=25");
        assertThat(requests()).extracting(RecordedRequest::formParams).startsWith(
                Map.of("FriendlyName", List.of("Support"), "UniqueName", List.of("ticket-1")),
                Map.of("Identity", List.of("agent-7")),
                Map.of("Author", List.of("agent-7"), "Body", List.of("Hello")));
    }

    @Test
    void aConversationIsReachedByItsUniqueNameAndDeletedWithItsMessages() {
        String message = (String) sandbox.conversationMessage("ticket-2", "+15558675310", "Hi").get("sid");

        Map<String, Object> fetched = record(callOk(
                "twilio-connector:Conversations.Conversations/Get?entityId=ticket-2", null));
        callOk("twilio-connector:Conversations.Conversations/Delete?entityId=ticket-2", null);

        assertThat(fetched).containsEntry("UniqueName", "ticket-2");
        assertThat(requestLines()).containsExactly("GET " + PREFIX + "/ticket-2", "DELETE " + PREFIX + "/ticket-2");
        assertThat(call("twilio-connector:Conversations.ConversationMessages/Get?entityId=" + message, null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "ConversationSid = '" + fetched.get("Sid") + "'"))
                .getException()).hasMessageContaining("20404");
    }

    @Test
    void theMessagesOfAConversationGivenByItsUniqueNameAreListedWithoutComparingTheNameWithTheirConversationSid() {
        sandbox.conversationMessage("ticket-3", "+15558675310", "Hi");
        sandbox.conversationMessage("ticket-3", "+15558675310", "Still there?");

        List<Map<String, Object>> listed = records(callOk("twilio-connector:Conversations.ConversationMessages/List",
                null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "ConversationSid = 'ticket-3' AND Index >= 1")));

        assertThat(listed).extracting(m -> m.get("Body")).containsExactly("Still there?");
        assertThat(String.valueOf(listed.get(0).get("ConversationSid"))).matches("CH[0-9a-f]{32}");
        assertThat(requestLines()).containsExactly("GET " + PREFIX + "/ticket-3/Messages?PageSize=25");
    }

    @Test
    void aMessageIsDeletedByItsEntityIdInTheConversationTheFilterClauseNames() {
        Map<String, Object> message = sandbox.conversationMessage("ticket-4", "+15558675310", "Hi");
        String conversation = (String) message.get("conversation_sid");

        Map<String, Object> deleted = record(callOk("twilio-connector:Conversations.ConversationMessages/Delete?entityId="
                + message.get("sid"), null, Map.of(TwilioConnectorConstants.FILTER_CLAUSE,
                "ConversationSid = '" + conversation + "'")));

        assertThat(deleted).isEqualTo(Map.of("Sid", message.get("sid")));
        assertThat(requestLines()).containsExactly("DELETE " + PREFIX + "/" + conversation + "/Messages/" + message.get("sid"));
        assertThat(requests()).extracting(RecordedRequest::status).containsExactly(204);
    }
}
