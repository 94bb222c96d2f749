package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer carries its own Twilio-Request-Id, RQ and 32 hexadecimal digits, as Twilio's do: 2xx and errors alike. */
class RequestIdTest {

    private static final String REQUEST_ID = "RQ[0-9a-f]{32}";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TwilioSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = TwilioSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyAnswerHasItsOwnRequestId() throws Exception {
        String message = (String) sandbox.put("Messages", Map.of("body", "hi")).get("sid");
        String path = "/2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages/" + message + ".json";

        HttpResponse<String> got = send(request(path, true).GET());
        HttpResponse<String> unauthenticated = send(request(path, false).GET());
        HttpResponse<String> deleted = send(request(path, true).DELETE());
        HttpResponse<String> gone = send(request(path, true).GET());

        List<HttpResponse<String>> answers = List.of(got, unauthenticated, deleted, gone);
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 401, 204, 404);
        assertThat(answers).extracting(answer -> answer.headers().allValues("Twilio-Request-Id"))
                .allSatisfy(ids -> assertThat(ids).singleElement().asString().matches(REQUEST_ID));
        assertThat(answers).extracting(answer -> answer.headers().firstValue("Twilio-Request-Id").orElseThrow())
                .doesNotHaveDuplicates();
    }

    private static HttpRequest.Builder request(String path, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path));
        if (authenticated) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (sandbox.accountSid() + ":" + sandbox.authToken()).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
