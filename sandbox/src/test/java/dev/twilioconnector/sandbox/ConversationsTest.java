package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio Conversations v1 under {@code /conversations}, over HTTP as a client sees it. */
class ConversationsTest extends SandboxTestSupport {

    private static final String BASE = "/conversations/v1/Conversations";
    private static final String ORIGIN = "https://conversations.twilio.com";
    private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @Test
    void aConversationIsCreatedWithTwiliosFieldsAndFetchedBySidOrUniqueName() {
        Http.Reply created = http.post(BASE, Map.of("FriendlyName", "Support", "UniqueName", "ticket-1",
                "Attributes", "{\"topic\":\"refund\"}"));
        Map<String, Object> json = created.json();
        String sid = (String) json.get("sid");

        assertThat(created.status()).isEqualTo(201);
        assertThat(sid).matches("CH[0-9a-f]{32}");
        assertThat((String) json.get("chat_service_sid")).matches("IS[0-9a-f]{32}");
        assertThat((String) json.get("messaging_service_sid")).matches("MG[0-9a-f]{32}");
        assertThat((String) json.get("date_created")).matches(ISO_SECONDS);
        String url = ORIGIN + "/v1/Conversations/" + sid;
        Map<String, Object> expected = new HashMap<>();
        expected.put("account_sid", sandbox.accountSid());
        expected.put("chat_service_sid", json.get("chat_service_sid"));
        expected.put("messaging_service_sid", json.get("messaging_service_sid"));
        expected.put("sid", sid);
        expected.put("friendly_name", "Support");
        expected.put("unique_name", "ticket-1");
        expected.put("attributes", "{\"topic\":\"refund\"}");
        expected.put("state", "active");
        expected.put("date_created", json.get("date_created"));
        expected.put("date_updated", json.get("date_created"));
        expected.put("timers", Map.of());
        expected.put("bindings", null);
        expected.put("url", url);
        expected.put("links", Map.of("participants", url + "/Participants", "messages", url + "/Messages",
                "webhooks", url + "/Webhooks"));
        assertThat(json).isEqualTo(expected);
        assertThat(http.get(BASE + "/" + sid).json()).isEqualTo(json);
        assertThat(http.get(BASE + "/ticket-1").json()).isEqualTo(json);

        Http.Reply again = http.post(BASE, Map.of("UniqueName", "ticket-1"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).containsEntry("code", 50353)
                .containsEntry("message", "Conversation with provided unique name already exists");
    }

    @Test
    void aConversationIsUpdatedThroughItsStatesAndAClosedOneStaysClosed() {
        String sid = conversation("Support");

        Map<String, Object> inactive = http.post(BASE + "/" + sid, Map.of("State", "inactive", "FriendlyName", "Later",
                "DateUpdated", "2026-06-01T10:00:00Z")).json();
        assertThat(inactive).containsEntry("state", "inactive").containsEntry("friendly_name", "Later")
                .containsEntry("date_updated", "2026-06-01T10:00:00Z");

        http.post(messages(sid), Map.of("Body", "back again"));
        assertThat(http.get(BASE + "/" + sid).json()).containsEntry("state", "active");

        assertThat(http.post(BASE + "/" + sid, Map.of("State", "closed")).json()).containsEntry("state", "closed");
        Http.Reply reopen = http.post(BASE + "/" + sid, Map.of("State", "active"));
        assertThat(reopen.status()).isEqualTo(400);
        assertThat(reopen.json()).containsEntry("code", 20001)
                .containsEntry("message", "Conversation " + sid + " is closed and cannot be active again");
        Http.Reply message = http.post(messages(sid), Map.of("Body", "too late"));
        assertThat(message.status()).isEqualTo(400);
        assertThat(message.json()).containsEntry("message", "Conversation " + sid + " is closed");

        Http.Reply badState = http.post(BASE, Map.of("State", "open"));
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json()).containsEntry("code", 20001)
                .containsEntry("message", "State must be one of active, closed, inactive, got 'open'");
        assertThat(http.post(BASE, Map.of("Attributes", "{topic")).json())
                .containsEntry("message", "Attributes must be valid JSON, got '{topic'");
    }

    @Test
    void participantsAreAnIdentityOrABindingAndNeitherTwice() {
        String sid = conversation("Support");

        Http.Reply agent = http.post(participants(sid), Map.of("Identity", "agent-7"));
        Map<String, Object> json = agent.json();
        String agentSid = (String) json.get("sid");
        assertThat(agent.status()).isEqualTo(201);
        assertThat(agentSid).matches("MB[0-9a-f]{32}");
        Map<String, Object> expected = new HashMap<>();
        expected.put("account_sid", sandbox.accountSid());
        expected.put("conversation_sid", sid);
        expected.put("sid", agentSid);
        expected.put("identity", "agent-7");
        expected.put("attributes", "{}");
        expected.put("messaging_binding", null);
        expected.put("role_sid", null);
        expected.put("date_created", json.get("date_created"));
        expected.put("date_updated", json.get("date_created"));
        expected.put("url", ORIGIN + "/v1/Conversations/" + sid + "/Participants/" + agentSid);
        expected.put("last_read_message_index", null);
        expected.put("last_read_timestamp", null);
        assertThat(json).isEqualTo(expected);
        assertThat(http.get(participants(sid) + "/agent-7").json()).isEqualTo(json);

        Map<String, Object> customer = http.post(participants(sid), Map.of("MessagingBinding.Address", "+15558675310",
                "MessagingBinding.ProxyAddress", "+15017122661")).json();
        assertThat(customer).containsEntry("identity", null).containsEntry("messaging_binding",
                Map.of("type", "sms", "address", "+15558675310", "proxy_address", "+15017122661"));

        Http.Reply sameIdentity = http.post(participants(sid), Map.of("Identity", "agent-7"));
        assertThat(sameIdentity.status()).isEqualTo(409);
        assertThat(sameIdentity.json()).containsEntry("code", 50433).containsEntry("message", "Participant already exists");
        Http.Reply sameBinding = http.post(participants(sid), Map.of("MessagingBinding.Address", "+15558675310",
                "MessagingBinding.ProxyAddress", "+15017122661"));
        assertThat(sameBinding.status()).isEqualTo(409);
        assertThat(sameBinding.json()).containsEntry("code", 50416).containsEntry("message",
                "A binding for this participant and proxy address already exists in Conversation " + sid);
        Http.Reply nobody = http.post(participants(sid), Map.of("Attributes", "{}"));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json()).containsEntry("message", "A participant needs an Identity or a MessagingBinding.Address");
        assertThat(http.post(participants(conversation("Other")), Map.of("Identity", "agent-7")).status()).isEqualTo(201);

        assertThat(names(http.get(participants(sid)).json(), "participants", "sid")).containsExactly(agentSid,
                customer.get("sid"));
        assertThat(http.delete(participants(sid) + "/" + agentSid).status()).isEqualTo(204);
        assertThat(http.get(participants(sid) + "/" + agentSid).json()).containsEntry("code", 20404);
    }

    @Test
    void messagesAreIndexedInOrderAndNamedAfterTheirAuthor() {
        String sid = conversation("Support");
        String agent = (String) http.post(participants(sid), Map.of("Identity", "agent-7")).json().get("sid");

        Http.Reply first = http.post(messages(sid), Map.of("Author", "agent-7", "Body", "Hello"));
        Map<String, Object> json = first.json();
        String messageSid = (String) json.get("sid");
        assertThat(first.status()).isEqualTo(201);
        assertThat(messageSid).matches("IM[0-9a-f]{32}");
        String url = ORIGIN + "/v1/Conversations/" + sid + "/Messages/" + messageSid;
        Map<String, Object> expected = new HashMap<>();
        expected.put("account_sid", sandbox.accountSid());
        expected.put("conversation_sid", sid);
        expected.put("sid", messageSid);
        expected.put("index", 0);
        expected.put("author", "agent-7");
        expected.put("body", "Hello");
        expected.put("media", null);
        expected.put("attributes", "{}");
        expected.put("participant_sid", agent);
        expected.put("date_created", json.get("date_created"));
        expected.put("date_updated", json.get("date_created"));
        expected.put("url", url);
        expected.put("delivery", null);
        expected.put("links", Map.of("delivery_receipts", url + "/Receipts", "channel_metadata", url + "/ChannelMetadata"));
        expected.put("content_sid", null);
        assertThat(json).isEqualTo(expected);
        assertThat((String) json.get("date_created")).matches(ISO_SECONDS);

        Map<String, Object> second = http.post(messages(sid), Map.of("MediaSid", "ME" + "0".repeat(32))).json();
        assertThat(second).containsEntry("index", 1).containsEntry("author", "system").containsEntry("body", null)
                .containsEntry("participant_sid", null);
        assertThat(second.get("media")).isEqualTo(List.of(media("ME" + "0".repeat(32))));
        http.delete(messages(sid) + "/" + second.get("sid"));
        assertThat(http.post(messages(sid), Map.of("Body", "third", "DateCreated", "2026-06-01T10:00:00Z")).json())
                .containsEntry("index", 2).containsEntry("date_created", "2026-06-01T10:00:00Z")
                .containsEntry("date_updated", "2026-06-01T10:00:00Z");

        assertThat(names(http.get(messages(sid)).json(), "messages", "index")).containsExactly(0, 2);
        assertThat(names(http.get(messages(sid) + "?Order=desc").json(), "messages", "index")).containsExactly(2, 0);
        Map<String, Object> edited = http.post(messages(sid) + "/" + messageSid, Map.of("Body", "Hello there")).json();
        assertThat(edited).containsEntry("body", "Hello there").containsEntry("index", 0);

        Http.Reply empty = http.post(messages(sid), Map.of("Author", "agent-7"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json()).containsEntry("message", "A message needs a Body, a MediaSid or a ContentSid");
    }

    @Test
    void listsPageWithMetaAndAPageTokenThatTheNextPageLinkCarries() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            conversation(name);
        }
        http.post(BASE + "/" + conversation("f"), Map.of("State", "closed"));

        Map<String, Object> first = http.get(BASE + "?State=active&PageSize=2").json();
        assertThat(names(first, "conversations", "friendly_name")).containsExactly("a", "b");
        String list = ORIGIN + "/v1/Conversations?State=active&PageSize=2";
        Map<String, Object> expected = new HashMap<>();
        expected.put("page", 0);
        expected.put("page_size", 2);
        expected.put("first_page_url", list + "&Page=0");
        expected.put("previous_page_url", null);
        expected.put("url", list + "&Page=0");
        expected.put("next_page_url", list + "&Page=1&PageToken=PT2");
        expected.put("key", "conversations");
        assertThat(meta(first)).isEqualTo(expected);

        Map<String, Object> second = http.get(onSandbox((String) meta(first).get("next_page_url"), "/conversations")).json();
        assertThat(names(second, "conversations", "friendly_name")).containsExactly("c", "d");
        assertThat(meta(second)).containsEntry("page", 1).containsEntry("previous_page_url", list + "&Page=0&PageToken=PT0")
                .containsEntry("next_page_url", list + "&Page=2&PageToken=PT4");
        Map<String, Object> last = http.get(onSandbox((String) meta(second).get("next_page_url"), "/conversations")).json();
        assertThat(names(last, "conversations", "friendly_name")).containsExactly("e");
        assertThat(meta(last)).containsEntry("next_page_url", null);

        Http.Reply tooLarge = http.get(BASE + "?PageSize=101");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json()).containsEntry("message", "PageSize must be a whole number from 1 to 100, got '101'");
    }

    @Test
    void deletingAConversationDeletesItsParticipantsAndMessages() {
        String sid = conversation("Support");
        String participant = (String) http.post(participants(sid), Map.of("Identity", "agent-7")).json().get("sid");
        String message = (String) http.post(messages(sid), Map.of("Body", "Hello")).json().get("sid");

        assertThat(http.delete(BASE + "/" + sid).status()).isEqualTo(204);

        assertThat(http.get(BASE + "/" + sid).status()).isEqualTo(404);
        assertThat(http.get(participants(sid) + "/" + participant).status()).isEqualTo(404);
        assertThat(http.get(messages(sid) + "/" + message).json()).containsEntry("code", 20404);
        String again = conversation("Support");
        assertThat(http.get(participants(again)).json().get("participants")).isEqualTo(List.of());
        assertThat(http.post(messages(again), Map.of("Body", "Hi")).json()).containsEntry("index", 0);
        assertThat(sandbox.requests()).extracting(RecordedRequest::path).contains(BASE + "/" + sid);
        assertThat(new Http(sandbox.baseUrl(), sandbox.accountSid(), "wrong").get(BASE).status()).isEqualTo(401);
    }

    @Test
    void aMessageReceivedThroughTheJavaApiGoesToTheConversationOfThatUniqueNameCreatedOnce() {
        Map<String, Object> first = sandbox.conversationMessage("demo-support", "+15558675310", "Hi");
        Map<String, Object> second = sandbox.conversationMessage("demo-support", "+15558675310", "Anyone there?");

        assertThat(first).containsEntry("index", 0).containsEntry("author", "+15558675310").containsEntry("body", "Hi");
        assertThat(second).containsEntry("index", 1).containsEntry("conversation_sid", first.get("conversation_sid"));
        assertThat(http.get(BASE + "/demo-support").json()).containsEntry("sid", first.get("conversation_sid"))
                .containsEntry("unique_name", "demo-support");
        assertThat(names(http.get(messages("demo-support")).json(), "messages", "body")).containsExactly("Hi",
                "Anyone there?");
        assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsOnly("GET");
    }

    private static String conversation(String name) {
        return (String) http.post(BASE, Map.of("FriendlyName", name)).json().get("sid");
    }

    private static String participants(String conversation) {
        return BASE + "/" + conversation + "/Participants";
    }

    private static String messages(String conversation) {
        return BASE + "/" + conversation + "/Messages";
    }

    private static Map<String, Object> media(String sid) {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("sid", sid);
        media.put("category", "media");
        media.put("content_type", null);
        media.put("filename", null);
        media.put("size", null);
        return media;
    }

    /** The path and query of a page link, read on the sandbox as a client reads it on its own base URL. */
    static String onSandbox(String link, String prefix) {
        URI uri = URI.create(link);
        return prefix + uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @SuppressWarnings("unchecked")
    static List<Object> names(Map<String, Object> page, String key, String field) {
        return ((List<Map<String, Object>>) page.get(key)).stream().map(r -> r.get(field)).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meta(Map<String, Object> page) {
        return (Map<String, Object>) page.get("meta");
    }
}
