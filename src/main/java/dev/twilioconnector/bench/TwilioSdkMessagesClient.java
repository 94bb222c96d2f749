package dev.twilioconnector.bench;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;

import java.net.URI;
import java.util.List;

/**
 * Twilio's own Java library, {@code com.twilio.sdk:twilio} 11, as a user calls it: {@code Message.fetcher},
 * {@code Message.creator} and {@code Message.reader().firstPage}, with the responses parsed into its
 * {@link Message} objects.
 *
 * <p>The library builds every URL on {@code https://api.twilio.com}; its {@link NetworkHttpClient} takes an HttpClient
 * builder, whose route planner sends every request to the loopback server over plain HTTP instead, as a DNS entry and
 * a TLS terminator would. The connection pool is the library's default one (20 per route, 100 in all).
 */
final class TwilioSdkMessagesClient implements MessagesClient {

    private final TwilioRestClient client;
    private final String messageSid;

    TwilioSdkMessagesClient(String baseUrl, String accountSid, String authToken, String messageSid) {
        this.messageSid = messageSid;
        HttpHost loopback = HttpHost.create(URI.create(baseUrl));
        HttpClientBuilder http = HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(20).setMaxConnTotal(100).build())
                .setRoutePlanner((target, context) -> new HttpRoute(loopback));
        this.client = new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new NetworkHttpClient(http))
                .build();
    }

    @Override
    public String name() {
        return "Twilio SDK 11";
    }

    @Override
    public String get() {
        return Message.fetcher(messageSid).fetch(client).getSid();
    }

    @Override
    public String create() {
        return Message.creator(new PhoneNumber(TO), new PhoneNumber(FROM), BODY).create(client).getSid();
    }

    @Override
    public String list() {
        List<Message> messages = Message.reader().pageSize(CannedTwilioResponses.PAGE_SIZE).firstPage(client).getRecords();
        return messages.get(messages.size() - 1).getSid();
    }

    @Override
    public void close() {
        // the library keeps its HttpClient for the life of the JVM and offers no way to close it
    }
}
