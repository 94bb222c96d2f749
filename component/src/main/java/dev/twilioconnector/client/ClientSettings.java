package dev.twilioconnector.client;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach Twilio: where, as whom, and how long to wait.
 *
 * @param baseUrl         {@code https://api.twilio.com}, a private endpoint or the sandbox
 * @param accountSid      the account whose resources the paths address
 * @param credentials     what authenticates the requests
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for an answer
 * @param proxy           the forward proxy requests go through, or {@link ProxySettings#NONE}
 * @param sslContext      whom to trust over TLS, or null for the JVM's default trust
 * @param hosts           where each product's requests go, the 2010 API's at {@code baseUrl}
 */
public record ClientSettings(String baseUrl, String accountSid, Credentials credentials,
                             Duration connectTimeout, Duration responseTimeout, ProxySettings proxy, SSLContext sslContext,
                             ProductHosts hosts) {

    public ClientSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        proxy = proxy == null ? ProxySettings.NONE : proxy;
    }

    /** Settings that reach only the 2010 API, at {@code baseUrl}. */
    public ClientSettings(String baseUrl, String accountSid, Credentials credentials, Duration connectTimeout,
                          Duration responseTimeout, ProxySettings proxy, SSLContext sslContext) {
        this(baseUrl, accountSid, credentials, connectTimeout, responseTimeout, proxy, sslContext,
                new ProductHosts(Map.of(ProductHosts.API, baseUrl), null, null));
    }
}
