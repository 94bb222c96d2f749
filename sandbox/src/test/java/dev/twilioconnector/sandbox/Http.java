package dev.twilioconnector.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** A minimal Twilio client for the tests: real HTTP with Basic auth and form-encoded bodies. */
final class Http {

    record Reply(int status, String text, HttpHeaders headers) {
        Map<String, Object> json() {
            try {
                return new ObjectMapper().readValue(text, new TypeReference<>() { });
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;

    Http(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Http of(TwilioSandbox sandbox) {
        return new Http(sandbox.baseUrl(), sandbox.accountSid(), sandbox.authToken());
    }

    /** A path relative to the default account's URL, e.g. {@code Messages.json?To=...}. */
    static String account(TwilioSandbox sandbox, String path) {
        return "/2010-04-01/Accounts/" + sandbox.accountSid() + "/" + path;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** POSTs a form; values that are arrays become repeated parameters. */
    Reply post(String path, Map<String, ?> form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Sends {@code json} as the body, as a test drives the sandbox's admin API. */
    Reply json(String method, String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    static String encode(Map<String, ?> form) {
        return form.entrySet().stream().flatMap(e -> {
            Object value = e.getValue();
            Object[] values = value instanceof Object[] array ? array : new Object[] {value};
            return java.util.Arrays.stream(values).map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v)));
        }).collect(Collectors.joining("&"));
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
