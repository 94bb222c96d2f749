package dev.twilioconnector.action;

import dev.twilioconnector.catalog.OfficialSpec;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.error.TwilioConnectorStatusException;
import dev.twilioconnector.error.TwilioConnectorWaitTimeoutException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

class MakeCallActionTest extends SandboxTestSupport {

    private static final String CALL = "twilio-connector:actions/MakeCall";
    private static final String VOICE_XML = "https://demo.twilio.com/docs/voice.xml";
    private static final Map<String, Object> PLAIN_CALL = Map.of("To", "+15558675310", "Sender", "+15017122661",
            "Url", VOICE_XML);

    private CompletableFuture<Void> twilioSide = CompletableFuture.completedFuture(null);

    @AfterEach
    void twilioSideFinished() throws Exception {
        twilioSide.get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsOneCallsCreateWithTwilioParametersAndReturnsTheQueuedCall() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("To", "+15558675310");
        input.put("From", "+15017122661");
        input.put("Url", VOICE_XML);
        input.put("StatusCallback", "https://example.com/calls");
        input.put("StatusCallbackEvent", List.of("initiated", "ANSWERED"));
        input.put("Timeout", "30");
        input.put("Record", true);

        Exchange exchange = call(CALL, input);

        assertThat(exchange.getException()).isNull();
        assertThat(requestLines()).containsExactly("POST " + accountPath("Calls.json"));
        Map<String, List<String>> form = requests().get(0).formParams();
        assertThat(form).containsExactly(entry("To", List.of("+15558675310")), entry("From", List.of("+15017122661")),
                entry("Url", List.of(VOICE_XML)), entry("StatusCallback", List.of("https://example.com/calls")),
                entry("StatusCallbackEvent", List.of("initiated", "answered")), entry("Timeout", List.of("30")),
                entry("Record", List.of("true")));
        assertThat(OfficialSpec.formParameters("/2010-04-01/Accounts/{AccountSid}/Calls.json", "POST"))
                .containsAll(form.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getMessage().getBody(Map.class);
        assertThat(record).containsEntry("Status", "queued").containsEntry("To", "+15558675310")
                .containsEntry("Sender", "+15017122661").containsEntry("Direction", "outbound-api");
        assertThat(exchange.getMessage().getHeaders()).containsEntry(TwilioConnectorConstants.SID, record.get("Sid"))
                .containsEntry(TwilioConnectorConstants.STATUS, "queued");
    }

    @Test
    void twimlGoesAsGivenInPlaceOfAUrl() {
        callOk(CALL, "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\","
                + "\"Twiml\":\"<Response><Say>Your order shipped</Say></Response>\"}");

        assertThat(requests().get(0).formParams()).containsExactly(entry("To", List.of("+15558675310")),
                entry("From", List.of("+15017122661")),
                entry("Twiml", List.of("<Response><Say>Your order shipped</Say></Response>")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"Sender\":\"+15017122661\",\"Url\":\"" + VOICE_XML + "\"} | Action MakeCall needs input To",
        "{\"To\":\"+15558675310\",\"Url\":\"" + VOICE_XML + "\"} | Action MakeCall needs input Sender",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\"} | Action MakeCall needs Url, or Twiml, or ApplicationSid",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Url\":\"" + VOICE_XML + "\",\"Twiml\":\"<Response/>\"} | Action MakeCall takes Url, or Twiml, or ApplicationSid, not more than one of them: got Url, Twiml",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"ApplicationSid\":\"AP123\"} | Input ApplicationSid of action MakeCall 'AP123' is not valid: expected the form ^AP[0-9a-fA-F]{32}$",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Url\":\"" + VOICE_XML + "\",\"StatusCallbackEvent\":[\"initiated\",\"hangup\"]} | Input StatusCallbackEvent of action MakeCall '[initiated, hangup]' is not valid: allowed initiated, ringing, answered, completed",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Url\":\"" + VOICE_XML + "\",\"Timeout\":\"soon\"} | Input Timeout of action MakeCall 'soon' is not valid: expected an integer",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Url\":\"" + VOICE_XML + "\",\"Record\":\"yes\"} | Input Record of action MakeCall 'yes' is not valid: allowed true, false",
        "{\"To\":\"+15558675310\",\"Sender\":\"+15017122661\",\"Url\":\"" + VOICE_XML + "\",\"Body\":\"hi\"} | Unknown input 'Body' of action MakeCall. Inputs: To, Sender, Url, Twiml, ApplicationSid, StatusCallback, StatusCallbackEvent, Timeout, Record",
    })
    void badInputFailsBeforeAnyRequestNamingTheInputAndWhatItTakes(String body, String message) {
        Exchange exchange = call(CALL, body);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class).hasMessageStartingWith(message);
        assertThat(requests()).isEmpty();
    }

    @Test
    void aStatusMakeCallCannotWaitForListsTheOnesItCanBeforeAnyRequest() {
        assertThatThrownBy(() -> context.getEndpoint(CALL + "?waitForStatus=delivered").createProducer())
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("waitForStatus 'delivered' is not one action MakeCall can wait for: allowed none, completed");
        assertThat(requests()).isEmpty();
    }

    @Test
    void waitsUntilTheSandboxHasTheCallCompletedByItself() {
        sandbox.statusProgression().every(Duration.ofMillis(200));

        Exchange exchange = call(CALL + "?waitForStatus=completed&waitTimeout=20s", PLAIN_CALL);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).asInstanceOf(MAP).containsEntry("Status", "completed")
                .containsEntry("To", "+15558675310").doesNotContainEntry("StartTime", null)
                .doesNotContainEntry("EndTime", null);
        assertThat(exchange.getMessage().getHeaders()).containsEntry(TwilioConnectorConstants.STATUS, "completed");
        String sid = exchange.getMessage().getHeader(TwilioConnectorConstants.SID, String.class);
        List<String> lines = requestLines();
        assertThat(lines.get(0)).isEqualTo("POST " + accountPath("Calls.json"));
        assertThat(lines.subList(1, lines.size())).isNotEmpty()
                .allMatch(line -> line.equals("GET " + accountPath("Calls/" + sid + ".json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"busy", "failed", "no-answer", "canceled"})
    void aCallThatEndsWithoutCompletingFailsTheExchange(String status) {
        twilioSide = CompletableFuture.runAsync(() -> setStatus(awaitCreatedSid(), status));

        Exchange exchange = call(CALL + "?waitForStatus=completed&waitTimeout=20s", PLAIN_CALL);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorStatusException.class);
        TwilioConnectorStatusException failure = (TwilioConnectorStatusException) exchange.getException();
        assertThat(failure.getRecordStatus()).isEqualTo(status);
        assertThat(failure).hasMessage("MakeCall: Calls " + failure.getSid() + " ended with status " + status);
        assertThat(failure.getSid()).isEqualTo(sandbox.records("Calls").get(0).get("sid"));
    }

    @Test
    void theTimeoutTellsTheLastStatusSeen() {
        twilioSide = CompletableFuture.runAsync(() -> setStatus(awaitCreatedSid(), "ringing"));

        Exchange exchange = call(CALL + "?waitForStatus=completed&waitTimeout=1500ms", PLAIN_CALL);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorWaitTimeoutException.class)
                .hasMessageEndingWith("did not reach status completed within 1500 ms (waitTimeout); last status seen: ringing");
    }

    /** Twilio's side of the test: the SID of the call the action created, once it is there. */
    private static String awaitCreatedSid() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> calls = sandbox.records("Calls");
            if (!calls.isEmpty()) {
                return String.valueOf(calls.get(0).get("sid"));
            }
            pause();
        }
        throw new AssertionError("the action created no call");
    }

    private static void setStatus(String sid, String status) {
        Map<String, Object> record = new LinkedHashMap<>(sandbox.records("Calls").stream()
                .filter(call -> sid.equals(call.get("sid"))).findFirst().orElseThrow());
        record.put("status", status);
        sandbox.put("Calls", record);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
