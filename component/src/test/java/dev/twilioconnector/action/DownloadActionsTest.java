package dev.twilioconnector.action;

import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.sandbox.Fault;
import dev.twilioconnector.sandbox.MediaRequest;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadActionsTest extends SandboxTestSupport {

    private static final String RECORDING = "direct:recording";
    private static final String MEDIA = "direct:media";

    /**
     * The routes read the stream where a route would, inside the exchange: once the exchange completes, a stream the
     * route left open is closed.
     */
    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(RECORDING).to("twilio-connector:actions/DownloadRecording").process(DownloadActionsTest::readAll);
                from(MEDIA).to("twilio-connector:actions/DownloadMedia").process(DownloadActionsTest::readAll);
                from("direct:first-byte").to("twilio-connector:actions/DownloadRecording")
                        .process(DownloadActionsTest::readFirstByte);
                from("direct:left-open").to("twilio-connector:actions/DownloadRecording");
            }
        };
    }

    private static void readAll(Exchange exchange) throws IOException {
        try (InputStream content = exchange.getMessage().getBody(InputStream.class)) {
            exchange.getMessage().setBody(content.readAllBytes());
        }
    }

    private static void readFirstByte(Exchange exchange) throws IOException {
        try (InputStream content = exchange.getMessage().getBody(InputStream.class)) {
            exchange.getMessage().setBody(content.read());
        }
    }

    @Test
    void downloadsTheRecordingAsWavByDefaultFollowingTheRedirectWithoutCredentials() {
        String sid = putRecording(6);

        Exchange exchange = call(RECORDING, Map.of("RecordingSid", sid));

        assertThat(exchange.getException()).isNull();
        byte[] audio = readAndClose(exchange);
        assertThat(audio).hasSize(44 + 6 * 16_000).isEqualTo(sandbox.recordingAudio(sid, "wav"));
        assertThat(new String(audio, 0, 4)).isEqualTo("RIFF");
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(TwilioConnectorConstants.SID, sid)
                .containsEntry(TwilioConnectorConstants.CONTENT_TYPE, "audio/x-wav")
                .containsEntry(Exchange.CONTENT_TYPE, "audio/x-wav")
                .containsEntry(TwilioConnectorConstants.CONTENT_LENGTH, 44L + 6 * 16_000);
        assertThat(requestLines()).containsExactly("GET " + accountPath("Recordings/" + sid + ".wav"));
        assertThat(requests().get(0).authUser()).as("the API host gets the credentials").isEqualTo(sandbox.accountSid());
        assertThat(requests().get(0).status()).isEqualTo(302);
        List<MediaRequest> media = sandbox.mediaRequests();
        assertThat(media).hasSize(1);
        assertThat(media.get(0).method()).isEqualTo("GET");
        assertThat(media.get(0).path()).startsWith("/recordings/");
        assertThat(media.get(0).status()).isEqualTo(200);
        assertThat(media.get(0).header("Authorization")).as("the media host never gets the credentials").isEmpty();
        assertThat(media.get(0).header("User-Agent")).containsExactly("twilio-connector/0.1 (Apache Camel)");
    }

    @Test
    void downloadsTheRecordingAsMp3WhenAsked() {
        String sid = putRecording(10);

        Exchange exchange = call(RECORDING, "{\"RecordingSid\":\"" + sid + "\",\"Format\":\"MP3\"}");

        assertThat(readAndClose(exchange)).hasSize(10 * 4_000).isEqualTo(sandbox.recordingAudio(sid, "mp3"));
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(TwilioConnectorConstants.CONTENT_TYPE, "audio/mpeg")
                .containsEntry(TwilioConnectorConstants.CONTENT_LENGTH, 40_000L);
        assertThat(requestLines()).containsExactly("GET " + accountPath("Recordings/" + sid + ".mp3"));
        assertThat(sandbox.mediaRequests()).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEmpty());
    }

    @Test
    void downloadsAMessagesMediaFileByItsSidsFromHeaders() {
        String message = putMessage("inbound", "a photo", Instant.parse("2026-12-01T10:00:00Z"));
        String mediaSid = String.valueOf(sandbox.put("Messages/" + message + "/Media",
                Map.of("content_type", "image/png")).get("sid"));

        Exchange exchange = call(MEDIA, null, Map.of("CamelTwilioConnectorMessageSid", message,
                "CamelTwilioConnectorMediaSid", mediaSid));

        assertThat(exchange.getException()).isNull();
        assertThat(readAndClose(exchange)).hasSize(24_000).isEqualTo(sandbox.mediaContent(message, mediaSid));
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(TwilioConnectorConstants.SID, mediaSid)
                .containsEntry(TwilioConnectorConstants.CONTENT_TYPE, "image/png")
                .containsEntry(TwilioConnectorConstants.CONTENT_LENGTH, 24_000L);
        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages/" + message + "/Media/" + mediaSid));
        assertThat(requests().get(0).authUser()).isEqualTo(sandbox.accountSid());
        assertThat(requests().get(0).status()).isEqualTo(307);
        assertThat(sandbox.mediaRequests()).singleElement().satisfies(request -> {
            assertThat(request.path()).startsWith("/media/");
            assertThat(request.header("Authorization")).isEmpty();
        });
    }

    @Test
    void aMissingRecordingFailsWithTwilioCodeAndMessage() {
        String sid = "RE0123456789abcdef0123456789abcdef";

        Exchange exchange = call(RECORDING, Map.of("RecordingSid", sid));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorException.class);
        TwilioConnectorException error = (TwilioConnectorException) exchange.getException();
        assertThat(error.getStatus()).isEqualTo(404);
        assertThat(error.getCode()).isEqualTo(20404);
        assertThat(error.getTwilioMessage()).isEqualTo("The requested resource " + accountPath("Recordings/" + sid + ".wav")
                + " was not found");
        assertThat(requests()).hasSize(1);
        assertThat(sandbox.mediaRequests()).isEmpty();
    }

    @Test
    void aDownloadThatFailedBeforeItsContentIsRetried() {
        String sid = putRecording(1);
        sandbox.faults().next(Fault.SERVICE_UNAVAILABLE, 1);

        Exchange exchange = call(RECORDING, Map.of("RecordingSid", sid));

        assertThat(readAndClose(exchange)).isEqualTo(sandbox.recordingAudio(sid, "wav"));
        assertThat(requests()).extracting(RecordedRequest::status).containsExactly(503, 302);
        assertThat(sandbox.mediaRequests()).hasSize(1);
    }

    @Test
    void closingTheStreamUnreadReleasesItsConnection() {
        String sid = putRecording(60);

        // the client's pool holds 64 connections a host: a stream that kept its connection would stop the 65th download
        for (int i = 0; i < 80; i++) {
            assertThat(callOk("direct:first-byte", Map.of("RecordingSid", sid))).isEqualTo((int) 'R');
        }

        assertThat(sandbox.mediaRequests()).hasSize(80);
    }

    @Test
    void theStreamLeftOpenByTheRouteIsClosedWhenTheExchangeCompletes() {
        String sid = putRecording(1);

        Exchange exchange = call("direct:left-open", Map.of("RecordingSid", sid));

        assertThat(exchange.getException()).isNull();
        InputStream audio = exchange.getMessage().getBody(InputStream.class);
        assertThatThrownBy(audio::read).isInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"RecordingSid\":\"RE0123456789abcdef0123456789abcdef\",\"Format\":\"ogg\"} | Input Format of action DownloadRecording 'ogg' is not valid: allowed wav, mp3",
        "{\"RecordingSid\":\"CA0123456789abcdef0123456789abcdef\"} | Input RecordingSid of action DownloadRecording 'CA0123456789abcdef0123456789abcdef' is not valid: expected the form ^RE[0-9a-fA-F]{32}$",
        "{\"Format\":\"mp3\"} | Action DownloadRecording needs input RecordingSid (The recording.)",
        "{\"RecordingSid\":\"RE0123456789abcdef0123456789abcdef\",\"MediaSid\":\"x\"} | Unknown input 'MediaSid' of action DownloadRecording. Inputs: RecordingSid, Format",
    })
    void badRecordingInputFailsBeforeAnyRequest(String body, String message) {
        Exchange exchange = call(RECORDING, body);

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class).hasMessage(message);
        assertThat(requests()).isEmpty();
        assertThat(sandbox.mediaRequests()).isEmpty();
    }

    @Test
    void badMediaInputFailsBeforeAnyRequest() {
        Exchange exchange = call(MEDIA, Map.of("MessageSid", "SM0123456789abcdef0123456789abcdef"));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Action DownloadMedia needs input MediaSid (The media file: a Media record of the message.)");
        assertThat(requests()).isEmpty();
    }

    private static String putRecording(int seconds) {
        return String.valueOf(sandbox.put("Recordings", Map.of("duration", String.valueOf(seconds))).get("sid"));
    }

    private static byte[] readAndClose(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(byte[].class);
    }
}
