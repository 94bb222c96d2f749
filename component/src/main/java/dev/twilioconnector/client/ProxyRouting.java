package dev.twilioconnector.client;

import dev.twilioconnector.error.ProxyAuthenticationException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.RouteInfo.LayerType;
import org.apache.hc.client5.http.RouteInfo.TunnelType;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicSchemeFactory;
import org.apache.hc.client5.http.impl.auth.DigestSchemeFactory;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Sends a connection's requests through its forward proxy: the route each SSL type asks for, and the proxy's
 * credentials for the one auth scheme the settings name (a proxy that asks for another scheme is refused, so a
 * Digest setting never falls back to sending the password in Basic).
 */
final class ProxyRouting implements HttpRoutePlanner {

    private final HttpHost proxy;
    private final ProxySslType sslType;

    private ProxyRouting(HttpHost proxy, ProxySslType sslType) {
        this.proxy = proxy;
        this.sslType = sslType;
    }

    static HttpClientBuilder configure(ProxySettings settings, HttpClientBuilder builder) {
        if (!settings.enabled()) {
            return builder;
        }
        HttpHost proxy = new HttpHost(settings.sslType() == ProxySslType.ALWAYS ? "https" : "http", settings.host(), settings.port());
        builder.setRoutePlanner(new ProxyRouting(proxy, settings.sslType()));
        RegistryBuilder<AuthSchemeFactory> schemes = RegistryBuilder.create();
        if (settings.authScheme() == ProxyAuthScheme.BASIC) {
            schemes.register(StandardAuthScheme.BASIC, BasicSchemeFactory.INSTANCE);
        } else if (settings.authScheme() == ProxyAuthScheme.DIGEST) {
            schemes.register(StandardAuthScheme.DIGEST, DigestSchemeFactory.INSTANCE);
        }
        builder.setDefaultAuthSchemeRegistry(schemes.build());
        if (settings.authScheme() != ProxyAuthScheme.NONE) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(settings.host(), settings.port()),
                    new UsernamePasswordCredentials(settings.user(), settings.password().toCharArray()));
            builder.setDefaultCredentialsProvider(credentials);
        }
        return builder;
    }

    @Override
    public HttpRoute determineRoute(HttpHost target, HttpContext context) {
        boolean secure = "https".equalsIgnoreCase(target.getSchemeName());
        HttpHost host = target.getPort() > 0 ? target : new HttpHost(target.getSchemeName(), target.getHostName(), secure ? 443 : 80);
        LayerType layer = secure ? LayerType.LAYERED : LayerType.PLAIN;
        return switch (sslType) {
            case AUTO, ALWAYS -> new HttpRoute(host, null, proxy, secure);
            case NEVER -> new HttpRoute(host, null, proxy, false, TunnelType.PLAIN, LayerType.PLAIN);
            case TUNNEL -> new HttpRoute(host, null, proxy, secure, TunnelType.TUNNELLED, layer);
        };
    }

    /** The proxy answered 407 to a request or to the CONNECT of a tunnel. */
    static ProxyAuthenticationException refused(ProxySettings settings, TwilioRequest request) {
        return new ProxyAuthenticationException("The proxy at " + settings.host() + ':' + settings.port()
                + " refused " + request.purpose() + " (" + request + ") with HTTP 407: check proxyUser ("
                + settings.user() + "), proxyPassword and proxyAuthScheme (" + settings.authScheme() + ")");
    }
}
