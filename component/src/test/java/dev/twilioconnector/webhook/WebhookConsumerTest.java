package dev.twilioconnector.webhook;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import dev.twilioconnector.support.WebhookServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Real HTTP POSTs, signed as Twilio signs them (or not), to webhook routes on camel-platform-http over Vert.x. */
class WebhookConsumerTest extends SandboxTestSupport {

    private static final int PORT = AvailablePortFinder.getNextAvailable();
    private static final String SMS_SID = "SM0123456789abcdef0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Exchange> received = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        WebhookServer.addTo(camel, PORT);
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("twilio-connector:webhook/sms").process(exchange -> received.add(exchange.copy()));
                from("twilio-connector:webhook/callbacks/status?webhookBaseUrl=https://hooks.example.com")
                        .process(exchange -> received.add(exchange.copy()));
                from("twilio-connector:webhook/json").process(exchange -> received.add(exchange.copy()));
                from("twilio-connector:webhook/open?validateSignature=false").process(exchange -> received.add(exchange.copy()));
                from("twilio-connector:webhook/failing").process(exchange -> {
                    received.add(exchange.copy());
                    throw new IllegalStateException("the route failed");
                });
                from("twilio-connector:webhook/reply")
                        .setHeader(TwilioConnectorConstants.TWIML, constant("<Response><Message>Thanks!</Message></Response>"));
            }
        };
    }

    @Test
    void aSignedInboundSmsReachesTheRouteAsAMessagesRecordAndIsAnsweredWithEmptyTwiml() throws Exception {
        Map<String, String> form = inboundSms();

        HttpResponse<String> response = post("/sms", form, sign(address("/sms"), form));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<Response/>");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getMessage().getBody(Map.class)).containsOnly(entry("Sid", SMS_SID),
                entry("AccountSid", sandbox.accountSid()), entry("Sender", "+14158675309"), entry("To", "+18005551212"),
                entry("Body", "Is this thing on? 100% & more"), entry("NumMedia", 0L), entry("FromCity", "SAN FRANCISCO"));
        assertThat(received.get(0).getMessage().getHeader(TwilioConnectorConstants.WEBHOOK_ENTITY)).isEqualTo("Messages");
    }

    @Test
    void aForgedOrMissingSignatureIsAnswered403AndNeverReachesTheRoute() throws Exception {
        Map<String, String> form = inboundSms();
        String signed = sign(address("/sms"), form);
        Map<String, String> tampered = new LinkedHashMap<>(form);
        tampered.put("Body", "Send me the money");

        assertThat(post("/sms", tampered, signed).statusCode()).isEqualTo(403);
        assertThat(post("/sms", form, null).statusCode()).isEqualTo(403);
        assertThat(post("/sms", form, new TwilioSignature("0123456789abcdef0123456789abcdef")
                .sign(address("/sms"), params(form))).statusCode()).isEqualTo(403);
        HttpResponse<String> forbidden = post("/sms", form, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).isEqualTo("Forbidden: X-Twilio-Signature is missing or wrong");
        assertThat(received).isEmpty();
    }

    @Test
    void aStatusCallbackBehindAProxyIsCheckedAgainstThePublicUrl() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", SMS_SID);
        form.put("SmsSid", SMS_SID);
        form.put("MessageStatus", "delivered");
        form.put("AccountSid", sandbox.accountSid());

        assertThat(post("/callbacks/status", form, sign(address("/callbacks/status"), form)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> response = post("/callbacks/status", form, sign("https://hooks.example.com/callbacks/status", form));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getMessage().getBody(Map.class)).containsOnly(entry("Sid", SMS_SID),
                entry("Status", "delivered"), entry("AccountSid", sandbox.accountSid()));
    }

    @Test
    void aCallStatusCallbackReadsLikeACallsRecord() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        form.put("CallStatus", "completed");
        form.put("From", "+14158675309");
        form.put("To", "+18005551212");

        HttpResponse<String> response = post("/sms", form, sign(address("/sms"), form));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.get(0).getMessage().getBody(Map.class)).containsOnly(
                entry("Sid", "CA0123456789abcdef0123456789abcdef"), entry("Status", "completed"),
                entry("Sender", "+14158675309"), entry("To", "+18005551212"));
        assertThat(received.get(0).getMessage().getHeader(TwilioConnectorConstants.WEBHOOK_ENTITY)).isEqualTo("Calls");
    }

    @Test
    void theRouteCanAnswerItsOwnTwiml() throws Exception {
        Map<String, String> form = inboundSms();

        HttpResponse<String> response = post("/reply", form, sign(address("/reply"), form));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<Response><Message>Thanks!</Message></Response>");
    }

    @Test
    void aRequestRepeatedWithItsIdempotencyTokenIsAnswered200ButDeliveredOnce() throws Exception {
        Map<String, String> form = inboundSms();
        String signature = sign(address("/sms"), form);

        HttpResponse<String> first = post("/sms", form, signature, Map.of("I-Twilio-Idempotency-Token", "token-1"));
        HttpResponse<String> replayed = post("/sms", form, signature, Map.of("I-Twilio-Idempotency-Token", "token-1"));
        HttpResponse<String> another = post("/sms", form, signature, Map.of("I-Twilio-Idempotency-Token", "token-2"));

        assertThat(List.of(first.statusCode(), replayed.statusCode(), another.statusCode())).containsExactly(200, 200, 200);
        assertThat(replayed.body()).isEqualTo("<Response/>");
        assertThat(received).as("token-1 once, token-2 once").hasSize(2);
    }

    @Test
    void aFailingRouteIsAnswered500AndTwiliosRetryWithTheSameTokenIsDeliveredAgain() throws Exception {
        Map<String, String> form = inboundSms();
        String signature = sign(address("/failing"), form);

        HttpResponse<String> response = post("/failing", form, signature, Map.of("I-Twilio-Idempotency-Token", "token-1"));
        HttpResponse<String> retry = post("/failing", form, signature, Map.of("I-Twilio-Idempotency-Token", "token-1"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(retry.statusCode()).isEqualTo(500);
        assertThat(received).hasSize(2);
    }

    @Test
    void aJsonBodyIsCheckedAgainstItsBodySha256AndReachesTheRouteAsText() throws Exception {
        String json = "{\"EventType\":\"com.twilio.messaging.message.delivered\",\"Sid\":\"" + SMS_SID + "\"}";
        String query = "?bodySHA256=" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        String signature = sign(address("/json" + query), Map.of());

        HttpResponse<String> response = postJson("/json" + query, json, signature);
        HttpResponse<String> tampered = postJson("/json" + query, json.replace("delivered", "failed"), signature);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(received).singleElement()
                .satisfies(exchange -> assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(json));
    }

    @Test
    void withValidateSignatureFalseAnUnsignedRequestReachesTheRoute() throws Exception {
        HttpResponse<String> response = post("/open", inboundSms(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(exchange ->
                assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("Sid", SMS_SID));
    }

    @Test
    void theSchemeAndHostAProxyForwardsAreTheUrlTheSignatureIsCheckedAgainst() throws Exception {
        Map<String, String> form = inboundSms();
        Map<String, String> forwarded = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "public.example.com");

        HttpResponse<String> local = post("/sms", form, sign(address("/sms"), form), forwarded);
        HttpResponse<String> published = post("/sms", form, sign("https://public.example.com/sms", form), forwarded);

        assertThat(local.statusCode()).isEqualTo(403);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    private Map<String, String> inboundSms() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", SMS_SID);
        form.put("AccountSid", sandbox.accountSid());
        form.put("From", "+14158675309");
        form.put("To", "+18005551212");
        form.put("Body", "Is this thing on? 100% & more");
        form.put("NumMedia", "0");
        form.put("FromCity", "SAN FRANCISCO");
        return form;
    }

    /** The address of {@code path} on the webhook server, as Twilio would sign it. */
    private static String address(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    private static String sign(String url, Map<String, String> form) {
        return new TwilioSignature(sandbox.authToken()).sign(url, params(form));
    }

    private static Map<String, List<String>> params(Map<String, String> form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        return params;
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String signature) throws Exception {
        return post(path, form, signature, Map.of());
    }

    private HttpResponse<String> postJson(String pathAndQuery, String json, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address(pathAndQuery)))
                .header("Content-Type", "application/json")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String signature,
                                      Map<String, String> headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
