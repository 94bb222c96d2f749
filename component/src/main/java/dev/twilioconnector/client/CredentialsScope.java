package dev.twilioconnector.client;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;

import java.io.IOException;
import java.net.URI;

/**
 * Puts the connection's credentials on every request to the base URL's origin (scheme, host and port) and on no
 * other: a download that Twilio redirects to its storage host, or any address a request is sent to that is not
 * Twilio's API, goes without {@code Authorization}. It stands in the client's exec chain, so the rule holds for every
 * request the client sends, whoever builds it.
 */
final class CredentialsScope implements ExecChainHandler {

    private final HttpHost origin;
    private final Credentials credentials;

    CredentialsScope(String baseUrl, Credentials credentials) {
        URI base = URI.create(baseUrl);
        this.origin = RoutingSupport.normalize(new HttpHost(base.getScheme(), base.getHost(), base.getPort()),
                DefaultSchemePortResolver.INSTANCE);
        this.credentials = credentials;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        if (origin.equals(scope.route.getTargetHost())) {
            request.setHeader(HttpHeaders.AUTHORIZATION, credentials.basicAuthorization());
        } else {
            request.removeHeaders(HttpHeaders.AUTHORIZATION);
        }
        return chain.proceed(request, scope);
    }
}
