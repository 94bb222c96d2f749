package dev.twilioconnector.client;

import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Tells an I/O error that happened before the request left (so it never reached Twilio) from one that happened
 * after any of it may have been written, when Twilio may have received and carried it out.
 *
 * <p>HttpClient opens the connection, sets up a proxy's tunnel and completes the TLS handshake (host name check
 * included) in the chain's CONNECT element, and only its last element, MAIN_TRANSPORT, writes the request. So the
 * error's type does not decide, the stage does: {@link #MARK_WRITING} stands just before MAIN_TRANSPORT, and an
 * error in a request it never marked happened before any byte of it was written: connection refused or timed
 * out, no such host, a tunnel the proxy refused, a TLS handshake or certificate that failed.
 */
final class TransportFailures {

    private static final String WRITING = TransportFailures.class.getName() + ".writing";

    /** Marks the request as about to be written, on its way from CONNECT to MAIN_TRANSPORT. */
    static final ExecChainHandler MARK_WRITING = (request, scope, chain) -> {
        scope.clientContext.setAttribute(WRITING, Boolean.TRUE);
        return chain.proceed(request, scope);
    };

    private TransportFailures() {
    }

    static UncheckedIOException of(TwilioRequest request, IOException error, HttpContext context) {
        if (context.getAttribute(WRITING) == null) {
            return new RequestNotSentException("Could not reach Twilio for " + request.purpose() + " (" + request
                    + "), the request was not sent: " + error, error);
        }
        return new UncheckedIOException("I/O error on " + request.purpose() + " (" + request + "): " + error, error);
    }
}
