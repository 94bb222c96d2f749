package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadsTest extends SandboxTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void aRecordingIsA302ToTheMediaHostWhichServesItsWavWithoutCredentials() throws Exception {
        String sid = String.valueOf(sandbox.put("Recordings", Map.of("duration", "2")).get("sid"));

        Http.Reply redirect = http.get(Http.account(sandbox, "Recordings/" + sid + ".wav"));

        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(sandbox.mediaBaseUrl() + "/recordings/");
        assertThat(sandbox.mediaBaseUrl()).isNotEqualTo(sandbox.baseUrl());
        HttpResponse<byte[]> audio = fetch(location);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/x-wav");
        assertThat(audio.headers().firstValueAsLong("Content-Length")).hasValue(44 + 2 * 16_000);
        assertThat(audio.body()).isEqualTo(sandbox.recordingAudio(sid, "wav"));
        assertThat(new String(audio.body(), 0, 4)).isEqualTo("RIFF");
        assertThat(sandbox.requests()).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(302);
            assertThat(request.authUser()).isEqualTo(sandbox.accountSid());
        });
        assertThat(sandbox.mediaRequests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo(URI.create(location).getPath());
            assertThat(request.header("Authorization")).isEmpty();
            assertThat(request.status()).isEqualTo(200);
        });
    }

    @Test
    void aRecordingAsMp3IsServedAsAudioMpegOfItsOwnBytes() throws Exception {
        String sid = String.valueOf(sandbox.put("Recordings", Map.of("duration", "3")).get("sid"));

        HttpResponse<byte[]> audio = fetch(http.get(Http.account(sandbox, "Recordings/" + sid + ".mp3"))
                .headers().firstValue("Location").orElseThrow());

        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(audio.body()).hasSize(3 * 4_000).isEqualTo(sandbox.recordingAudio(sid, "mp3"))
                .isNotEqualTo(sandbox.recordingAudio(sid, "wav"));
    }

    @Test
    void aMediaFileIsA307ToItsContentOfTheRecordsType() throws Exception {
        String message = String.valueOf(sandbox.put("Messages", Map.of("body", "photo")).get("sid"));
        String media = String.valueOf(sandbox.put("Messages/" + message + "/Media", Map.of("content_type", "image/gif")).get("sid"));

        Http.Reply redirect = http.get(Http.account(sandbox, "Messages/" + message + "/Media/" + media));

        assertThat(redirect.status()).isEqualTo(307);
        HttpResponse<byte[]> content = fetch(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(content.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(content.body()).hasSize(24_000).isEqualTo(sandbox.mediaContent(message, media));
    }

    @Test
    void aMissingRecordingIsTwilios404AndNoRedirect() {
        String path = Http.account(sandbox, "Recordings/RE0123456789abcdef0123456789abcdef.wav");

        Http.Reply missing = http.get(path);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json()).isEqualTo(Map.of("code", 20404, "message", "The requested resource " + path
                + " was not found", "more_info", "https://www.twilio.com/docs/errors/20404", "status", 404));
        assertThat(sandbox.mediaRequests()).isEmpty();
    }

    @Test
    void aDownloadWithoutCredentialsIsTurnedAwayWith401() {
        String sid = String.valueOf(sandbox.put("Recordings", Map.of("duration", "1")).get("sid"));

        Http.Reply refused = new Http(sandbox.baseUrl(), null, null).get(Http.account(sandbox, "Recordings/" + sid + ".wav"));

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void theMediaHostServesOnlyTheAddressesTheApiGaveOut() throws Exception {
        HttpResponse<byte[]> unknown = fetch(sandbox.mediaBaseUrl() + "/recordings/not-given-out");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(sandbox.mediaRequests()).singleElement().extracting(MediaRequest::status).isEqualTo(404);
    }

    private static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
