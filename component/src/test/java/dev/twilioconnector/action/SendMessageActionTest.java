package dev.twilioconnector.action;

import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.error.TwilioConnectorOutcomeUnknownException;
import dev.twilioconnector.error.TwilioConnectorStatusException;
import dev.twilioconnector.error.TwilioConnectorWaitTimeoutException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.sandbox.Fault;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

class SendMessageActionTest extends SandboxTestSupport {

    private static final String SEND = "twilio-connector:actions/SendMessage";
    private static final String SERVICE = "MG9752274e9e519418a7406176694466fa";
    private static final String TEMPLATE = "HXb5b62575e6e4ff6129ad7c8efe1f983e";

    private CompletableFuture<Void> twilioSide = CompletableFuture.completedFuture(null);

    @AfterEach
    void twilioSideFinished() throws Exception {
        twilioSide.get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsOneMessagesCreateWithTwilioParametersAndReturnsTheQueuedRecord() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("To", "+15558675310");
        input.put("From", "+15017122661");
        input.put("Body", "Your order shipped");
        input.put("MediaUrl", List.of("https://example.com/a.png", "https://example.com/b.png"));
        input.put("StatusCallback", "https://example.com/status");
        input.put("ValidityPeriod", 600);

        Exchange exchange = call(SEND, input);

        assertThat(exchange.getException()).isNull();
        assertThat(requestLines()).containsExactly("POST " + accountPath("Messages.json"));
        assertThat(requests().get(0).formParams()).containsExactly(entry("To", List.of("+15558675310")),
                entry("From", List.of("+15017122661")), entry("Body", List.of("Your order shipped")),
                entry("MediaUrl", List.of("https://example.com/a.png", "https://example.com/b.png")),
                entry("StatusCallback", List.of("https://example.com/status")), entry("ValidityPeriod", List.of("600")));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getMessage().getBody(Map.class);
        assertThat(record).containsEntry("Status", "queued").containsEntry("To", "+15558675310").containsEntry("NumMedia", 2L);
        assertThat(exchange.getMessage().getHeaders()).containsEntry(TwilioConnectorConstants.SID, record.get("Sid"))
                .containsEntry(TwilioConnectorConstants.STATUS, "queued");
    }

    @Test
    void sendAtSchedulesTheMessageAtThatInstant() {
        callOk(SEND, "{\"To\":\"+15558675310\",\"MessagingServiceSid\":\"" + SERVICE + "\",\"Body\":\"Reminder\","
                + "\"SendAt\":\"2026-12-24T09:00:00+01:00\"}");

        assertThat(requests().get(0).formParams()).containsExactly(entry("To", List.of("+15558675310")),
                entry("MessagingServiceSid", List.of(SERVICE)), entry("Body", List.of("Reminder")),
                entry("SendAt", List.of("2026-12-24T08:00:00Z")), entry("ScheduleType", List.of("fixed")));
    }

    @Test
    void aTemplateGoesWithItsVariablesAsJson() {
        callOk(SEND, Map.of("To", "+15558675310", "Sender", "+15017122661", "ContentSid", TEMPLATE,
                "ContentVariables", Map.of("1", "Ada")));

        assertThat(requests().get(0).formParams()).contains(entry("ContentSid", List.of(TEMPLATE)),
                entry("ContentVariables", List.of("{\"1\":\"Ada\"}")));
    }

    @Test
    void headersGiveInputsAndWinOverTheBody() {
        callOk(SEND, "{\"To\":\"+15550000000\",\"Sender\":\"+15017122661\"}",
                Map.of("CamelTwilioConnectorTo", "+15558675310", "CamelTwilioConnectorBody", "From a header"));

        assertThat(requests().get(0).formParams()).containsEntry("To", List.of("+15558675310"))
                .containsEntry("Body", List.of("From a header"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Text\":\"hi\"} | Unknown input 'Text' of action SendMessage. Inputs: To, Sender, MessagingServiceSid, Body, MediaUrl, ContentSid, ContentVariables, SendAt, StatusCallback, ValidityPeriod",
        "{\"Sender\":\"+15017122661\",\"Body\":\"hi\"} | Action SendMessage needs input To",
        "{\"To\":\"+15558675310\",\"Body\":\"hi\"} | Action SendMessage needs Sender, or MessagingServiceSid",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\"} | Action SendMessage needs Body and/or MediaUrl, or ContentSid",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"hi\",\"ContentSid\":\"" + TEMPLATE + "\"} | Action SendMessage takes Body and/or MediaUrl, or ContentSid, not more than one of them: got Body, ContentSid",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"hi\",\"ContentVariables\":{\"1\":\"Ada\"}} | Input ContentVariables of action SendMessage needs input ContentSid as well",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"hi\",\"SendAt\":\"2026-12-24T09:00:00Z\"} | Input SendAt of action SendMessage needs input MessagingServiceSid as well",
        "{\"To\":\"+15558675310\",\"MessagingServiceSid\":\"" + SERVICE + "\",\"Body\":\"hi\",\"SendAt\":\"tomorrow\"} | Input SendAt of action SendMessage 'tomorrow' is not valid: expected an ISO-8601 date-time, e.g. 2026-12-24T09:00:00Z",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Body\":\"hi\",\"ValidityPeriod\":\"soon\"} | Input ValidityPeriod of action SendMessage 'soon' is not valid: expected an integer",
        "{\"To\":\"+15558675310\",\"MessagingServiceSid\":\"MG123\",\"Body\":\"hi\"} | Input MessagingServiceSid of action SendMessage 'MG123' is not valid: expected the form ^MG[0-9a-fA-F]{32}$",
        "{\"To\":\"+15558675310\",\"From\":\"+15017122661\",\"Sender\":\"+15017122662\",\"Body\":\"hi\"} | Input Sender of action SendMessage is given twice, by its names Sender and From",
        "[\"+15558675310\"] | The body of action SendMessage is not a JSON object of its inputs",
    })
    void badInputFailsBeforeAnyRequestNamingTheInputAndWhatItTakes(String body, String message) {
        Exchange exchange = call(SEND, body);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class).hasMessageStartingWith(message);
        assertThat(requests()).isEmpty();
    }

    @Test
    void anUnknownActionListsTheActions() {
        assertThatThrownBy(() -> context.getEndpoint("twilio-connector:actions/SendSms"))
                .rootCause().isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Unknown action 'SendSms'. Actions: AddOutgoingCallerIds, DownloadMedia, DownloadRecording, ExecuteCustomQuery, MakeCall, SendMessage");
    }

    @Test
    void anUnknownWaitForStatusListsTheStatusesBeforeAnyRequest() {
        assertThatThrownBy(() -> context.getEndpoint(SEND + "?waitForStatus=read").createProducer())
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("waitForStatus 'read' is not one action SendMessage can wait for: allowed none, sent, delivered");
        assertThat(requests()).isEmpty();
    }

    @Test
    void waitsUntilTwilioReportsTheMessageDelivered() {
        twilioSide = CompletableFuture.runAsync(() -> {
            setStatus(awaitCreatedSid(), "sending", null, null);
            pause(300);
            setStatus(awaitCreatedSid(), "sent", null, null);
            pause(300);
            setStatus(awaitCreatedSid(), "delivered", null, null);
        });

        Exchange exchange = call(SEND + "?waitForStatus=delivered&waitTimeout=20s",
                Map.of("To", "+15558675310", "Sender", "+15017122661", "Body", "Hi"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).asInstanceOf(MAP).containsEntry("Status", "delivered")
                .containsEntry("Body", "Hi");
        assertThat(exchange.getMessage().getHeaders()).containsEntry(TwilioConnectorConstants.STATUS, "delivered");
        String sid = exchange.getMessage().getHeader(TwilioConnectorConstants.SID, String.class);
        List<String> lines = requestLines();
        assertThat(lines.get(0)).isEqualTo("POST " + accountPath("Messages.json"));
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allMatch(line -> line.equals("GET " + accountPath("Messages/" + sid + ".json")));
    }

    @Test
    void aFailureStatusFailsTheExchangeWithTwiliosErrorCode() {
        twilioSide = CompletableFuture.runAsync(() -> setStatus(awaitCreatedSid(), "undelivered", 30003,
                "Unreachable destination handset"));

        Exchange exchange = call(SEND + "?waitForStatus=sent&waitTimeout=20s",
                Map.of("To", "+15558675310", "Sender", "+15017122661", "Body", "Hi"));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorStatusException.class);
        TwilioConnectorStatusException failure = (TwilioConnectorStatusException) exchange.getException();
        assertThat(failure.getCode()).isEqualTo(30003);
        assertThat(failure.getRecordStatus()).isEqualTo("undelivered");
        assertThat(failure.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/api/errors/30003");
        assertThat(failure).hasMessage("SendMessage: Messages " + failure.getSid() + " ended with status undelivered,"
                + " Twilio error 30003: Unreachable destination handset (https://www.twilio.com/docs/api/errors/30003)");
    }

    @Test
    void theTimeoutTellsTheLastStatusSeen() {
        twilioSide = CompletableFuture.runAsync(() -> setStatus(awaitCreatedSid(), "sending", null, null));
        long start = System.nanoTime();

        Exchange exchange = call(SEND + "?waitForStatus=delivered&waitTimeout=1500ms",
                Map.of("To", "+15558675310", "Sender", "+15017122661", "Body", "Hi"));

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorWaitTimeoutException.class)
                .hasMessageEndingWith("did not reach status delivered within 1500 ms (waitTimeout); last status seen: sending");
        assertThat(waited).isBetween(Duration.ofMillis(1_500), Duration.ofMillis(5_000));
    }

    @Test
    void theCreateIsSentOnceWhenTwilioMayHaveCarriedItOut() {
        sandbox.faults().next(Fault.CONNECTION_RESET, 1);

        Exchange exchange = call(SEND + "?waitForStatus=delivered&waitTimeout=5s",
                Map.of("To", "+15558675310", "Sender", "+15017122661", "Body", "Hi"));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorOutcomeUnknownException.class);
        assertThat(requests()).extracting(RecordedRequest::method).containsExactly("POST");
        assertThat(sandbox.records("Messages")).hasSize(1);
    }

    @Test
    void aCreateThatTwilioTurnsAwayIsSentAgain() {
        sandbox.faults().retryAfter(Duration.ZERO).next(Fault.TOO_MANY_REQUESTS_RETRY_AFTER, 1);

        callOk(SEND, Map.of("To", "+15558675310", "Sender", "+15017122661", "Body", "Hi"));

        assertThat(requestLines()).containsExactly("POST " + accountPath("Messages.json"),
                "POST " + accountPath("Messages.json"));
        assertThat(sandbox.records("Messages")).hasSize(1);
    }

    @Test
    void aReadOfTheWaitThatTwilioTurnsAwayIsRetried() {
        twilioSide = CompletableFuture.runAsync(() -> {
            String sid = awaitCreatedSid();
            sandbox.faults().next(Fault.SERVICE_UNAVAILABLE, 1);
            setStatus(sid, "delivered", null, null);
        });

        Exchange exchange = call(SEND + "?waitForStatus=delivered&waitTimeout=20s",
                Map.of("To", "+15558675310", "Sender", "+15017122661", "Body", "Hi"));

        assertThat(exchange.getException()).isNull();
        String sid = exchange.getMessage().getHeader(TwilioConnectorConstants.SID, String.class);
        assertThat(requestLines()).containsExactly("POST " + accountPath("Messages.json"),
                "GET " + accountPath("Messages/" + sid + ".json"), "GET " + accountPath("Messages/" + sid + ".json"));
    }

    /** Twilio's side of the test: the SID of the message the action created, once it is there. */
    private static String awaitCreatedSid() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> messages = sandbox.records("Messages");
            if (!messages.isEmpty()) {
                return String.valueOf(messages.get(0).get("sid"));
            }
            pause(20);
        }
        throw new AssertionError("the action created no message");
    }

    /** Moves the message on, as Twilio does while it delivers: the record as it is, with a new status. */
    private static void setStatus(String sid, String status, Integer errorCode, String errorMessage) {
        Map<String, Object> record = new LinkedHashMap<>(sandbox.records("Messages").stream()
                .filter(message -> sid.equals(message.get("sid"))).findFirst().orElseThrow());
        record.put("status", status);
        record.put("error_code", errorCode);
        record.put("error_message", errorMessage);
        sandbox.put("Messages", record);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
