package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Twilio Conversations v1, served under {@link #PREFIX} on the sandbox's own host, written from Twilio's
 * documentation: Conversations (create, fetch, list, update, delete; addressed by SID or unique name), their
 * Participants (a chat identity, or a messaging binding of an address and a proxy address; addressed by SID or
 * identity) and their Messages (an author, a body or a media SID, an {@code index} that grows by one per message of
 * the conversation and is never reused). A unique name is unique in the account, an identity and a binding in the
 * conversation, answered 409 with Twilio's codes (50353, 50433, 50416) otherwise. A message added to an
 * {@code inactive} conversation makes it {@code active} again; a {@code closed} one takes no message and cannot be
 * reopened. Deleting a conversation deletes its participants and messages. Records carry ISO-8601 dates and
 * Twilio's own {@code url}s; lists answer in {@link MetaPage}s of at most 100, conversations, participants and
 * messages in the order created ({@code Order=desc} turns the messages round).
 */
final class ConversationsService {

    static final String PREFIX = "/conversations";

    private static final String ORIGIN = "https://conversations.twilio.com";
    private static final String CONVERSATIONS = "/v1/Conversations";
    private static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> ORDERS = Set.of("asc", "desc");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Answer(int status, Object body) {
    }

    /** Conversations, participants and messages in creation order, by SID. */
    private final Map<String, Map<String, Object>> conversations = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> participants = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> messages = new LinkedHashMap<>();
    /** The index the next message of a conversation gets. */
    private final Map<String, Integer> nextIndex = new HashMap<>();
    /** Each account's default Conversation Service and Messaging Service, which its conversations belong to. */
    private final Map<String, String> chatServices = new HashMap<>();
    private final Map<String, String> messagingServices = new HashMap<>();

    static boolean serves(String path) {
        return path.startsWith(PREFIX + "/");
    }

    /** The answer to a request; its body a copy, written after the lock is let go. */
    synchronized Answer handle(String method, String fullPath, Params query, Params form, String account) {
        Answer answer = dispatch(method, fullPath, query, form, account);
        return new Answer(answer.status(), answer.body() == null ? null : MAPPER.convertValue(answer.body(), Object.class));
    }

    private Answer dispatch(String method, String fullPath, Params query, Params form, String account) {
        String path = fullPath.substring(PREFIX.length());
        if (!path.equals(CONVERSATIONS) && !path.startsWith(CONVERSATIONS + "/")) {
            throw TwilioError.notFound(fullPath);
        }
        List<String> segments = path.equals(CONVERSATIONS) ? List.of()
                : List.of(path.substring(CONVERSATIONS.length() + 1).split("/", -1));
        if (segments.isEmpty()) {
            return switch (method) {
                case "GET" -> new Answer(200, listConversations(account, query));
                case "POST" -> new Answer(201, createConversation(account, form));
                default -> throw methodNotAllowed();
            };
        }
        Map<String, Object> conversation = conversation(account, segments.get(0))
                .orElseThrow(() -> TwilioError.notFound(fullPath));
        String sid = (String) conversation.get("sid");
        if (segments.size() == 1) {
            return switch (method) {
                case "GET" -> new Answer(200, conversation);
                case "POST" -> new Answer(200, updateConversation(conversation, form));
                case "DELETE" -> {
                    deleteConversation(sid);
                    yield new Answer(204, null);
                }
                default -> throw methodNotAllowed();
            };
        }
        String collection = segments.get(1);
        if (!collection.equals("Participants") && !collection.equals("Messages") || segments.size() > 3) {
            throw TwilioError.notFound(fullPath);
        }
        boolean ofParticipants = collection.equals("Participants");
        if (segments.size() == 2) {
            return switch (method) {
                case "GET" -> new Answer(200, ofParticipants ? listParticipants(sid, query) : listMessages(sid, query));
                case "POST" -> new Answer(201, ofParticipants ? createParticipant(conversation, form)
                        : createMessage(conversation, form));
                default -> throw methodNotAllowed();
            };
        }
        Map<String, Object> record = (ofParticipants ? participant(sid, segments.get(2)) : message(sid, segments.get(2)))
                .orElseThrow(() -> TwilioError.notFound(fullPath));
        return switch (method) {
            case "GET" -> new Answer(200, record);
            case "POST" -> new Answer(200, ofParticipants ? updateParticipant(record, form) : updateMessage(record, form));
            case "DELETE" -> {
                (ofParticipants ? participants : messages).remove((String) record.get("sid"));
                yield new Answer(204, null);
            }
            default -> throw methodNotAllowed();
        };
    }

    /**
     * Adds a message from {@code author} to the account's conversation of that SID or unique name, as a participant's
     * device would send it, creating the conversation (with that unique name) when the account has none.
     */
    synchronized Map<String, Object> receive(String account, String conversation, String author, String body) {
        Map<String, Object> target = conversation(account, conversation).orElseGet(() -> createConversation(account,
                Params.parse("UniqueName=" + Params.encode(conversation))));
        Map<String, Object> message = createMessage(target, Params.parse("Author=" + Params.encode(author)
                + "&Body=" + Params.encode(body)));
        return MAPPER.convertValue(message, new TypeReference<>() { });
    }

    synchronized void clear() {
        conversations.clear();
        participants.clear();
        messages.clear();
        nextIndex.clear();
        chatServices.clear();
        messagingServices.clear();
    }

    private Map<String, Object> createConversation(String account, Params form) {
        String sid = Ids.sid("CH");
        String created = ConversationsForm.date(form, "DateCreated").orElseGet(ConversationsService::now);
        Map<String, Object> conversation = new LinkedHashMap<>();
        conversation.put("account_sid", account);
        conversation.put("chat_service_sid", chatServices.computeIfAbsent(account, a -> Ids.sid("IS")));
        conversation.put("messaging_service_sid", form.hasValue("MessagingServiceSid") ? form.first("MessagingServiceSid")
                : messagingServices.computeIfAbsent(account, a -> Ids.sid("MG")));
        conversation.put("sid", sid);
        conversation.put("friendly_name", form.first("FriendlyName"));
        conversation.put("unique_name", uniqueName(account, form.first("UniqueName"), null));
        conversation.put("attributes", ConversationsForm.attributes(form).orElse("{}"));
        conversation.put("state", ConversationsForm.state(form).orElse("active"));
        conversation.put("date_created", created);
        conversation.put("date_updated", ConversationsForm.date(form, "DateUpdated").orElse(created));
        conversation.put("timers", Map.of());
        conversation.put("bindings", null);
        String url = ORIGIN + CONVERSATIONS + "/" + sid;
        conversation.put("url", url);
        conversation.put("links", Map.of("participants", url + "/Participants", "messages", url + "/Messages",
                "webhooks", url + "/Webhooks"));
        conversations.put(sid, conversation);
        return conversation;
    }

    private Map<String, Object> updateConversation(Map<String, Object> conversation, Params form) {
        Optional<String> state = ConversationsForm.state(form);
        if (state.isPresent() && "closed".equals(conversation.get("state")) && !state.get().equals("closed")) {
            throw TwilioError.invalidParameter("Conversation " + conversation.get("sid") + " is closed and cannot be "
                    + state.get() + " again");
        }
        if (form.hasValue("UniqueName")) {
            conversation.put("unique_name", uniqueName((String) conversation.get("account_sid"), form.first("UniqueName"),
                    (String) conversation.get("sid")));
        }
        if (form.hasValue("FriendlyName")) {
            conversation.put("friendly_name", form.first("FriendlyName"));
        }
        if (form.hasValue("MessagingServiceSid")) {
            conversation.put("messaging_service_sid", form.first("MessagingServiceSid"));
        }
        ConversationsForm.attributes(form).ifPresent(a -> conversation.put("attributes", a));
        state.ifPresent(s -> conversation.put("state", s));
        ConversationsForm.date(form, "DateCreated").ifPresent(d -> conversation.put("date_created", d));
        conversation.put("date_updated", ConversationsForm.date(form, "DateUpdated").orElseGet(ConversationsService::now));
        return conversation;
    }

    private void deleteConversation(String sid) {
        conversations.remove(sid);
        participants.values().removeIf(p -> sid.equals(p.get("conversation_sid")));
        messages.values().removeIf(m -> sid.equals(m.get("conversation_sid")));
        nextIndex.remove(sid);
    }

    private Map<String, Object> listConversations(String account, Params query) {
        Map<String, String> filters = new LinkedHashMap<>();
        Predicate<Map<String, Object>> matches = c -> account.equals(c.get("account_sid"));
        if (query.hasValue("StartDate")) {
            Instant start = ConversationsForm.day(query.first("StartDate"), "StartDate");
            filters.put("StartDate", query.first("StartDate"));
            matches = matches.and(c -> !Instant.parse((String) c.get("date_created")).isBefore(start));
        }
        if (query.hasValue("EndDate")) {
            Instant end = ConversationsForm.day(query.first("EndDate"), "EndDate").plus(1, ChronoUnit.DAYS);
            filters.put("EndDate", query.first("EndDate"));
            matches = matches.and(c -> Instant.parse((String) c.get("date_created")).isBefore(end));
        }
        if (query.hasValue("State")) {
            String state = ConversationsForm.oneOf(query.first("State"), "State", ConversationsForm.STATES);
            filters.put("State", state);
            matches = matches.and(c -> state.equals(c.get("state")));
        }
        return new MetaPage(ORIGIN + CONVERSATIONS, "conversations", MAX_PAGE_SIZE)
                .answer(conversations.values().stream().filter(matches).toList(), query, filters);
    }

    private Optional<Map<String, Object>> conversation(String account, String sidOrUniqueName) {
        return conversations.values().stream()
                .filter(c -> account.equals(c.get("account_sid")))
                .filter(c -> sidOrUniqueName.equals(c.get("sid")) || sidOrUniqueName.equals(c.get("unique_name")))
                .findFirst();
    }

    private String uniqueName(String account, String uniqueName, String ownSid) {
        if (uniqueName == null || uniqueName.isEmpty()) {
            return null;
        }
        boolean taken = conversations.values().stream().anyMatch(c -> account.equals(c.get("account_sid"))
                && uniqueName.equals(c.get("unique_name")) && !c.get("sid").equals(ownSid));
        if (taken) {
            throw new TwilioError(409, 50353, "Conversation with provided unique name already exists");
        }
        return uniqueName;
    }

    private Map<String, Object> createParticipant(Map<String, Object> conversation, Params form) {
        String conversationSid = (String) conversation.get("sid");
        refuseWhenClosed(conversation);
        String identity = form.first("Identity");
        String address = form.first("MessagingBinding.Address");
        Map<String, Object> binding = null;
        if (form.hasValue("MessagingBinding.Address")) {
            if (form.hasValue("Identity")) {
                throw TwilioError.invalidParameter("Identity and MessagingBinding.Address cannot both be given: a "
                        + "participant is a chat identity or a messaging address");
            }
            if (!form.hasValue("MessagingBinding.ProxyAddress")) {
                throw TwilioError.invalidParameter("MessagingBinding.ProxyAddress is required with MessagingBinding.Address");
            }
            String proxy = form.first("MessagingBinding.ProxyAddress");
            if (members(conversationSid).anyMatch(p -> p.get("messaging_binding") instanceof Map<?, ?> b
                    && address.equals(b.get("address")) && proxy.equals(b.get("proxy_address")))) {
                throw new TwilioError(409, 50416, "A binding for this participant and proxy address already exists in "
                        + "Conversation " + conversationSid);
            }
            binding = new LinkedHashMap<>();
            binding.put("type", address.startsWith("whatsapp:") ? "whatsapp" : "sms");
            binding.put("address", address);
            binding.put("proxy_address", proxy);
        } else if (form.hasValue("Identity")) {
            refuseTakenIdentity(conversationSid, identity, null);
            if (form.hasValue("MessagingBinding.ProjectedAddress")) {
                binding = Map.of("type", "sms", "projected_address", form.first("MessagingBinding.ProjectedAddress"));
            }
        } else {
            throw TwilioError.invalidParameter("A participant needs an Identity or a MessagingBinding.Address");
        }
        String sid = Ids.sid("MB");
        String created = ConversationsForm.date(form, "DateCreated").orElseGet(ConversationsService::now);
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("account_sid", conversation.get("account_sid"));
        participant.put("conversation_sid", conversationSid);
        participant.put("sid", sid);
        participant.put("identity", identity);
        participant.put("attributes", ConversationsForm.attributes(form).orElse("{}"));
        participant.put("messaging_binding", binding);
        participant.put("role_sid", form.first("RoleSid"));
        participant.put("date_created", created);
        participant.put("date_updated", ConversationsForm.date(form, "DateUpdated").orElse(created));
        participant.put("url", ORIGIN + CONVERSATIONS + "/" + conversationSid + "/Participants/" + sid);
        participant.put("last_read_message_index", null);
        participant.put("last_read_timestamp", null);
        participants.put(sid, participant);
        return participant;
    }

    private Map<String, Object> updateParticipant(Map<String, Object> participant, Params form) {
        if (form.hasValue("Identity")) {
            refuseTakenIdentity((String) participant.get("conversation_sid"), form.first("Identity"),
                    (String) participant.get("sid"));
            participant.put("identity", form.first("Identity"));
        }
        ConversationsForm.attributes(form).ifPresent(a -> participant.put("attributes", a));
        if (form.hasValue("RoleSid")) {
            participant.put("role_sid", form.first("RoleSid"));
        }
        if (form.hasValue("LastReadMessageIndex")) {
            participant.put("last_read_message_index",
                    Params.whole(form.first("LastReadMessageIndex"), 0, "LastReadMessageIndex", 0, Integer.MAX_VALUE,
                            TwilioError::invalidParameter));
        }
        if (form.hasValue("LastReadTimestamp")) {
            participant.put("last_read_timestamp", form.first("LastReadTimestamp"));
        }
        ConversationsForm.date(form, "DateCreated").ifPresent(d -> participant.put("date_created", d));
        participant.put("date_updated", ConversationsForm.date(form, "DateUpdated").orElseGet(ConversationsService::now));
        return participant;
    }

    private void refuseTakenIdentity(String conversationSid, String identity, String ownSid) {
        if (members(conversationSid).anyMatch(p -> identity.equals(p.get("identity")) && !p.get("sid").equals(ownSid))) {
            throw new TwilioError(409, 50433, "Participant already exists");
        }
    }

    private Map<String, Object> listParticipants(String conversationSid, Params query) {
        return new MetaPage(ORIGIN + CONVERSATIONS + "/" + conversationSid + "/Participants", "participants", MAX_PAGE_SIZE)
                .answer(members(conversationSid).toList(), query, Map.of());
    }

    private Optional<Map<String, Object>> participant(String conversationSid, String sidOrIdentity) {
        return members(conversationSid)
                .filter(p -> sidOrIdentity.equals(p.get("sid")) || sidOrIdentity.equals(p.get("identity")))
                .findFirst();
    }

    private Stream<Map<String, Object>> members(String conversationSid) {
        return participants.values().stream().filter(p -> conversationSid.equals(p.get("conversation_sid")));
    }

    private Map<String, Object> createMessage(Map<String, Object> conversation, Params form) {
        String conversationSid = (String) conversation.get("sid");
        refuseWhenClosed(conversation);
        if (!form.hasValue("Body") && !form.hasValue("MediaSid") && !form.hasValue("ContentSid")) {
            throw TwilioError.invalidParameter("A message needs a Body, a MediaSid or a ContentSid");
        }
        String author = form.hasValue("Author") ? form.first("Author") : "system";
        String sid = Ids.sid("IM");
        String created = ConversationsForm.date(form, "DateCreated").orElseGet(ConversationsService::now);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", conversation.get("account_sid"));
        message.put("conversation_sid", conversationSid);
        message.put("sid", sid);
        message.put("index", nextIndex.merge(conversationSid, 1, Integer::sum) - 1);
        message.put("author", author);
        message.put("body", ConversationsForm.body(form).orElse(null));
        message.put("media", form.hasValue("MediaSid") ? List.of(ConversationsForm.media(form.first("MediaSid"))) : null);
        message.put("attributes", ConversationsForm.attributes(form).orElse("{}"));
        message.put("participant_sid", members(conversationSid)
                .filter(p -> author.equals(p.get("identity"))
                        || p.get("messaging_binding") instanceof Map<?, ?> b && author.equals(b.get("address")))
                .map(p -> p.get("sid")).findFirst().orElse(null));
        message.put("date_created", created);
        message.put("date_updated", ConversationsForm.date(form, "DateUpdated").orElse(created));
        String url = ORIGIN + CONVERSATIONS + "/" + conversationSid + "/Messages/" + sid;
        message.put("url", url);
        message.put("delivery", null);
        message.put("links", Map.of("delivery_receipts", url + "/Receipts", "channel_metadata", url + "/ChannelMetadata"));
        message.put("content_sid", form.first("ContentSid"));
        messages.put(sid, message);
        // a message wakes an inactive conversation up, as Twilio's documentation of the states says
        if ("inactive".equals(conversation.get("state"))) {
            conversation.put("state", "active");
            conversation.put("date_updated", now());
        }
        return message;
    }

    private Map<String, Object> updateMessage(Map<String, Object> message, Params form) {
        if (form.hasValue("Author")) {
            message.put("author", form.first("Author"));
        }
        ConversationsForm.body(form).ifPresent(b -> message.put("body", b));
        ConversationsForm.attributes(form).ifPresent(a -> message.put("attributes", a));
        ConversationsForm.date(form, "DateCreated").ifPresent(d -> message.put("date_created", d));
        message.put("date_updated", ConversationsForm.date(form, "DateUpdated").orElseGet(ConversationsService::now));
        return message;
    }

    private Map<String, Object> listMessages(String conversationSid, Params query) {
        String order = query.hasValue("Order") ? ConversationsForm.oneOf(query.first("Order"), "Order", List.copyOf(ORDERS)) : "asc";
        List<Map<String, Object>> listed = new ArrayList<>(messages.values().stream()
                .filter(m -> conversationSid.equals(m.get("conversation_sid"))).toList());
        if (order.equals("desc")) {
            Collections.reverse(listed);
        }
        Map<String, String> filters = query.hasValue("Order") ? Map.of("Order", order) : Map.of();
        return new MetaPage(ORIGIN + CONVERSATIONS + "/" + conversationSid + "/Messages", "messages", MAX_PAGE_SIZE)
                .answer(listed, query, filters);
    }

    private Optional<Map<String, Object>> message(String conversationSid, String sid) {
        return Optional.ofNullable(messages.get(sid)).filter(m -> conversationSid.equals(m.get("conversation_sid")));
    }

    private static void refuseWhenClosed(Map<String, Object> conversation) {
        if ("closed".equals(conversation.get("state"))) {
            throw TwilioError.invalidParameter("Conversation " + conversation.get("sid") + " is closed");
        }
    }

    private static TwilioError methodNotAllowed() {
        return new TwilioError(405, 20004, "Method not allowed");
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
