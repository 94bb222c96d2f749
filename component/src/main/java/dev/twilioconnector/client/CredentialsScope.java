package dev.twilioconnector.client;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;

import java.io.IOException;

/**
 * Puts the connection's credentials on every request to the origin (scheme, host and port) of a base URL the
 * connection sends a product's requests to ({@link ProductHosts}) and on no other: a download that Twilio redirects to its storage host, or any address a request is sent to that is not
 * Twilio's API, goes without {@code Authorization}. It stands in the client's exec chain, so the rule holds for every
 * request the client sends, whoever builds it.
 */
final class CredentialsScope implements ExecChainHandler {

    private final ProductHosts hosts;
    private final Credentials credentials;

    CredentialsScope(ProductHosts hosts, Credentials credentials) {
        this.hosts = hosts;
        this.credentials = credentials;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        if (hosts.isOrigin(scope.route.getTargetHost())) {
            request.setHeader(HttpHeaders.AUTHORIZATION, credentials.basicAuthorization());
        } else {
            request.removeHeaders(HttpHeaders.AUTHORIZATION);
        }
        return chain.proceed(request, scope);
    }
}
