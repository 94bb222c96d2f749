package dev.twilioconnector.runtime;

import dev.twilioconnector.sandbox.TwilioSandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The embedded sandbox the runner starts when no Account SID is set, holding the records that the flows of
 * {@code routes/} address by SID, and a few more to list, so that every flow finds what it reads: inbound messages
 * for the poller to forward, two calls that ended yesterday for the nightly export and the call-quality report (the
 * sandbox's Voice Insights derives their summaries from them, the second one with a low MOS) and the recording of the
 * first, made yesterday, for the download of yesterday's recordings, and a Conversation with two messages for the
 * poller that copies them. Messages and calls the flows create move through their statuses a step a second, as
 * Twilio's do, so a flow that waits for a delivery sees one.
 */
final class DemoSandbox {

    static final Duration STATUS_STEP = Duration.ofSeconds(1);
    /** The unique name of the Conversation whose messages the demo's poller copies. */
    static final String CONVERSATION = "demo-support";

    private DemoSandbox() {
    }

    static TwilioSandbox start() {
        TwilioSandbox sandbox = TwilioSandbox.start();
        sandbox.statusProgression().every(STATUS_STEP);
        sandbox.put("Recordings", Map.of("sid", "RE2e915e78549694bd0a0742d2d39454e5",
                "call_sid", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6", "duration", "15"));
        sandbox.seed("Recordings", 4);
        sandbox.put("Calls", Map.of("sid", "CAaa4a99c300bd9d1bcc0d1ae9dcd248c6"));
        sandbox.put("Calls", Map.of("sid", "CAdefbf2b4caa7df11dc48106385e32345"));
        sandbox.put("Messages", Map.of("sid", "SM3ad97d41e786c02bca47c8ce1745053b", "body", "my card is 4111"));
        sandbox.seed("Messages", 4);
        Instant now = Instant.now();
        sandbox.put("Messages", inbound("Is my order on its way?", now.minus(Duration.ofMinutes(10))));
        sandbox.put("Messages", inbound("STOP", now.minus(Duration.ofMinutes(2))));
        Instant yesterdayNoon = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        sandbox.put("Calls", Map.of("sid", "CA5d0a6e1c7f2b4e3d9a8b7c6d5e4f3a2b", "status", "completed", "duration", "42",
                "start_time", yesterdayNoon.minusSeconds(42), "end_time", yesterdayNoon));
        sandbox.put("Calls", Map.of("sid", "CA7c1e9b2d4f6a8c0e2b4d6f8af0a3f5c2", "status", "completed", "duration", "95",
                "from", "+15017122661", "to", "+15558675310",
                "start_time", yesterdayNoon.plus(Duration.ofHours(3)), "end_time", yesterdayNoon.plus(Duration.ofHours(3)).plusSeconds(95)));
        sandbox.put("Recordings", Map.of("sid", "RE5d0a6e1c7f2b4e3d9a8b7c6d5e4f3a2b", "call_sid", "CA5d0a6e1c7f2b4e3d9a8b7c6d5e4f3a2b",
                "duration", "42", "date_created", now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12))));
        sandbox.put("IncomingPhoneNumbers", Map.of("sid", "PN4047ac009a15885690a50a1d388b8411", "friendly_name", "Main line"));
        sandbox.put("OutgoingCallerIds", Map.of("sid", "PN6f5f9bf39cb1801a6e21a5a80d274bdd", "friendly_name", "Reception"));
        return sandbox;
    }

    /**
     * Seeds the Conversation {@link #CONVERSATION} with a customer's question and an agent's answer, as their phones
     * and apps would have sent them; its SID, for the flow that copies its messages.
     */
    static String startConversation(TwilioSandbox sandbox) {
        String sid = (String) sandbox.conversationMessage(CONVERSATION, "+15558675310", "Is my order on its way?")
                .get("conversation_sid");
        sandbox.conversationMessage(CONVERSATION, "agent-7", "It ships today.");
        return sid;
    }

    private static Map<String, Object> inbound(String body, Instant sent) {
        return Map.of("direction", "inbound", "status", "received", "from", "+15558675310", "to", "+15017122661",
                "body", body, "date_sent", sent);
    }
}
