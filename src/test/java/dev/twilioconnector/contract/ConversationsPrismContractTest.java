package dev.twilioconnector.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.twilioconnector.contract.PrismProduct.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Conversations, their participants and their messages, through the catalog's {@code Conversations.*} entities,
 * against Prism serving Twilio's {@code twilio_conversations_v1.json}: no request refused, the records Twilio's
 * examples.
 */
class ConversationsPrismContractTest {

    private static final String CONVERSATION = "CHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String PARTICIPANT = "MBaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String MESSAGE = "IMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String CONVERSATIONS = "/v1/Conversations";
    private static final String IN_CONVERSATION = CONVERSATIONS + "/" + CONVERSATION;
    private static PrismProduct conversations;

    @BeforeAll
    static void startPrism() throws Exception {
        conversations = PrismProduct.start("conversations", "twilio_conversations_v1.json");
    }

    @AfterAll
    static void stopPrism() {
        if (conversations != null) {
            conversations.close();
        }
    }

    @Test
    void everyOperationOnConversationsParticipantsAndMessagesIsAcceptedByTheDescription() {
        Map<String, Object> inConversation = Map.of("ConversationSid", CONVERSATION);
        String ofConversation = "?filterClause=ConversationSid = '" + CONVERSATION + "'";
        Map<String, Object> battery = ordered(
                "twilio-connector:Conversations.Conversations/Create", Map.of("Name", "Order 1234"),
                "twilio-connector:Conversations.Conversations/List?filterClause=State = 'active'", null,
                "twilio-connector:Conversations.Conversations/Get?entityId=" + CONVERSATION, null,
                "twilio-connector:Conversations.Conversations/Update?entityId=" + CONVERSATION, Map.of("State", "closed"),
                "twilio-connector:Conversations.ConversationParticipants/Create", Map.of("ConversationSid", CONVERSATION,
                        "MessagingBindingAddress", "+15558675310", "MessagingBindingProxyAddress", "+15017122661"),
                "twilio-connector:Conversations.ConversationParticipants/List" + ofConversation, null,
                "twilio-connector:Conversations.ConversationParticipants/Get?entityId=" + PARTICIPANT, inConversation,
                "twilio-connector:Conversations.ConversationParticipants/Update?entityId=" + PARTICIPANT,
                Map.of("ConversationSid", CONVERSATION, "LastReadMessageIndex", 3),
                "twilio-connector:Conversations.ConversationMessages/Create",
                Map.of("ConversationSid", CONVERSATION, "Author", "support", "Body", "Your order shipped",
                        "XTwilioWebhookEnabled", false),
                "twilio-connector:Conversations.ConversationMessages/List" + ofConversation, null,
                "twilio-connector:Conversations.ConversationMessages/Get?entityId=" + MESSAGE, inConversation,
                "twilio-connector:Conversations.ConversationMessages/Update?entityId=" + MESSAGE,
                Map.of("ConversationSid", CONVERSATION, "Body", "Your order shipped today"),
                "twilio-connector:Conversations.ConversationMessages/Delete?entityId=" + MESSAGE, inConversation,
                "twilio-connector:Conversations.ConversationParticipants/Delete?entityId=" + PARTICIPANT, inConversation,
                "twilio-connector:Conversations.Conversations/Delete?entityId=" + CONVERSATION, null);
        int before = conversations.requests().size();

        Map<String, String> refused = conversations.refused(battery);

        assertThat(refused).as(conversations::log).isEmpty();
        String participant = IN_CONVERSATION + "/Participants/" + PARTICIPANT;
        String message = IN_CONVERSATION + "/Messages/" + MESSAGE;
        assertThat(conversations.requestsSince(before))
                .extracting(RecordingProxy.SentRequest::method, RecordingProxy.SentRequest::path)
                .containsExactly(
                        tuple("POST", CONVERSATIONS), tuple("GET", CONVERSATIONS), tuple("GET", IN_CONVERSATION),
                        tuple("POST", IN_CONVERSATION),
                        tuple("POST", IN_CONVERSATION + "/Participants"), tuple("GET", IN_CONVERSATION + "/Participants"),
                        tuple("GET", participant), tuple("POST", participant),
                        tuple("POST", IN_CONVERSATION + "/Messages"), tuple("GET", IN_CONVERSATION + "/Messages"),
                        tuple("GET", message), tuple("POST", message),
                        tuple("DELETE", message), tuple("DELETE", participant), tuple("DELETE", IN_CONVERSATION));
    }

    @Test
    void aConversationIsCreatedWithItsTimersAndReadBackAsTwiliosExample() {
        int before = conversations.requests().size();

        Map<String, Object> created = conversations.record("twilio-connector:Conversations.Conversations/Create",
                ordered("Name", "Order 1234", "UniqueName", "order-1234", "Attributes", "{\"order\":1234}",
                        "MessagingServiceSid", "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "TimersInactive", "PT1H",
                        "TimersClosed", "P1D"));

        assertThat(conversations.requestsSince(before).get(0).form()).containsExactlyInAnyOrder(
                entry("FriendlyName", "Order 1234"), entry("UniqueName", "order-1234"),
                entry("Attributes", "{\"order\":1234}"), entry("MessagingServiceSid", "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                entry("Timers.Inactive", "PT1H"), entry("Timers.Closed", "P1D"));
        assertThat(created).contains(entry("Sid", CONVERSATION), entry("AccountSid", PrismProduct.ACCOUNT),
                entry("ChatServiceSid", "ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                entry("MessagingServiceSid", "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), entry("Name", "friendly_name"),
                entry("UniqueName", "unique_name"), entry("Attributes", "{ \"topic\": \"feedback\" }"),
                entry("State", "inactive"), entry("DateCreated", "2015-12-16T22:18:37Z"),
                entry("DateUpdated", "2015-12-16T22:18:38Z"));
    }

    /** A conversation's unique name addresses it as well as its SID does. */
    @Test
    void conversationsAreListedByStateAndReadByUniqueName() {
        int before = conversations.requests().size();

        List<Map<String, Object>> active = conversations.records(
                "twilio-connector:Conversations.Conversations/List?pageSize=50&filterClause=State = 'active'");
        Map<String, Object> read = conversations.record(
                "twilio-connector:Conversations.Conversations/Get?entityId=first_conversation", null);

        List<RecordingProxy.SentRequest> sent = conversations.requestsSince(before);
        assertThat(sent.get(0).queryParameters()).containsExactlyInAnyOrder(entry("State", "active"), entry("PageSize", "50"));
        assertThat(sent.get(1).path()).isEqualTo(CONVERSATIONS + "/first_conversation");
        assertThat(active).extracting(conversation -> conversation.get("Sid"), conversation -> conversation.get("Name"),
                conversation -> conversation.get("State")).containsExactly(tuple(CONVERSATION, "Home Repair Visit", "active"));
        assertThat(read).contains(entry("Sid", CONVERSATION), entry("Name", "My First Conversation"),
                entry("UniqueName", "first_conversation"), entry("State", "active"));
    }

    @Test
    void anSmsParticipantIsAddedWithItsBindingAndUpdated() {
        int before = conversations.requests().size();

        Map<String, Object> added = conversations.record("twilio-connector:Conversations.ConversationParticipants/Create",
                ordered("ConversationSid", CONVERSATION, "MessagingBindingAddress", "+15558675310",
                        "MessagingBindingProxyAddress", "+15017122661", "Attributes", "{\"role\":\"driver\"}"));
        Map<String, Object> updated = conversations.record(
                "twilio-connector:Conversations.ConversationParticipants/Update?entityId=" + PARTICIPANT,
                ordered("ConversationSid", CONVERSATION, "LastReadMessageIndex", 3));

        List<RecordingProxy.SentRequest> sent = conversations.requestsSince(before);
        assertThat(sent.get(0).path()).isEqualTo(IN_CONVERSATION + "/Participants");
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("MessagingBinding.Address", "+15558675310"),
                entry("MessagingBinding.ProxyAddress", "+15017122661"), entry("Attributes", "{\"role\":\"driver\"}"));
        assertThat(sent.get(1).form()).containsExactly(entry("LastReadMessageIndex", "3"));
        assertThat(added).contains(entry("Sid", PARTICIPANT), entry("ConversationSid", CONVERSATION),
                entry("Identity", null), entry("Attributes", "{ \"role\": \"driver\" }"),
                entry("RoleSid", "RLaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), entry("DateCreated", "2015-12-16T22:18:37Z"));
        assertThat(updated).contains(entry("Sid", PARTICIPANT), entry("LastReadMessageIndex", null));
    }

    @Test
    void aMessageIsPostedAndTheConversationsMessagesAreListedInTheOrderAskedOfTwilio() {
        int before = conversations.requests().size();

        Map<String, Object> posted = conversations.record("twilio-connector:Conversations.ConversationMessages/Create",
                ordered("ConversationSid", CONVERSATION, "Author", "support", "Body", "Your order shipped"));
        List<Map<String, Object>> listed = conversations.records("twilio-connector:Conversations.ConversationMessages/List"
                + "?filterClause=ConversationSid = '" + CONVERSATION + "' AND Order = 'desc'");
        Map<String, Object> read = conversations.record("twilio-connector:Conversations.ConversationMessages/Get?entityId="
                + MESSAGE, Map.of("ConversationSid", CONVERSATION));

        List<RecordingProxy.SentRequest> sent = conversations.requestsSince(before);
        assertThat(sent.get(0).form()).containsExactlyInAnyOrder(entry("Author", "support"), entry("Body", "Your order shipped"));
        assertThat(sent.get(1).path()).isEqualTo(IN_CONVERSATION + "/Messages");
        assertThat(sent.get(1).queryParameters()).containsExactlyInAnyOrder(entry("Order", "desc"), entry("PageSize", "25"));
        assertThat(posted).contains(entry("Sid", MESSAGE), entry("ConversationSid", CONVERSATION), entry("Body", "Hello"),
                entry("Author", "message author"), entry("Index", 0), entry("ParticipantSid", PARTICIPANT),
                entry("DateCreated", "2015-12-16T22:18:37Z"));
        assertThat(listed).extracting(message -> message.get("Index"), message -> message.get("Body"),
                message -> message.get("Author")).containsExactly(tuple(0, "I like pie.", "pie_preferrer"),
                tuple(5, "Cake is my favorite!", "cake_lover"), tuple(9, null, "cake_lover"));
        assertThat(read).contains(entry("Sid", MESSAGE), entry("Body", "Welcome!"), entry("Author", "system"),
                entry("ParticipantSid", null));
    }

    /** Prism holds the header to the description's {@code true}/{@code false}. */
    @Test
    void aMessageIsPostedWithoutWebhooksByTheHeaderTheDescriptionDefines() {
        int before = conversations.requests().size();

        conversations.record("twilio-connector:Conversations.ConversationMessages/Create", "{\"ConversationSid\":\""
                + CONVERSATION + "\",\"Author\":\"system\",\"Body\":\"Hello\",\"XTwilioWebhookEnabled\":false}");

        List<RecordingProxy.SentRequest> sent = conversations.requestsSince(before);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).line()).isEqualTo("POST " + IN_CONVERSATION + "/Messages");
        assertThat(sent.get(0).headers()).containsEntry("x-twilio-webhook-enabled", "false")
                .containsEntry("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(sent.get(0).body()).isEqualTo("Author=system&Body=Hello");
    }
}
