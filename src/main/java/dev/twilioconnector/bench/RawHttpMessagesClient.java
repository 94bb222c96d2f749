package dev.twilioconnector.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicNameValuePair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The floor: what a user writes by hand with Apache HttpClient 5 (classic, pooled, as camel-http uses it) and
 * Jackson binding Twilio's JSON to two records.
 */
final class RawHttpMessagesClient implements MessagesClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TwilioMessage(String sid, String accountSid, String from, String to, String body, String status,
                         String direction, String numSegments, String price, String priceUnit, Integer errorCode,
                         String errorMessage, String dateCreated, String dateSent, String dateUpdated) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TwilioMessagePage(List<TwilioMessage> messages, String nextPageUri) {
    }

    private final CloseableHttpClient http;
    private final String messagesUrl;
    private final String messageSid;
    private final String authorization;
    private final ObjectReader messageReader;
    private final ObjectReader pageReader;

    RawHttpMessagesClient(String baseUrl, String accountSid, String authToken, String messageSid) {
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(20).setMaxConnTotal(100).build())
                .build();
        this.messagesUrl = baseUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages";
        this.messageSid = messageSid;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.messageReader = json.readerFor(TwilioMessage.class);
        this.pageReader = json.readerFor(TwilioMessagePage.class);
    }

    @Override
    public String name() {
        return "raw HttpClient 5 + Jackson";
    }

    @Override
    public String get() throws IOException {
        TwilioMessage message = send(new HttpGet(messagesUrl + "/" + messageSid + ".json"), messageReader);
        return message.sid();
    }

    @Override
    public String create() throws IOException {
        HttpPost post = new HttpPost(messagesUrl + ".json");
        post.setEntity(new UrlEncodedFormEntity(List.of(new BasicNameValuePair("To", TO),
                new BasicNameValuePair("From", FROM), new BasicNameValuePair("Body", BODY)), StandardCharsets.UTF_8));
        TwilioMessage message = send(post, messageReader);
        return message.sid();
    }

    @Override
    public String list() throws IOException {
        TwilioMessagePage page = send(new HttpGet(messagesUrl + ".json?PageSize=" + CannedTwilioResponses.PAGE_SIZE),
                pageReader);
        return page.messages().get(page.messages().size() - 1).sid();
    }

    private <T> T send(HttpUriRequestBase request, ObjectReader reader) throws IOException {
        request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        return http.execute(request, response -> {
            if (response.getCode() >= 300) {
                throw new IOException("Twilio answered " + response.getCode() + " to " + request);
            }
            return reader.readValue(response.getEntity().getContent());
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
