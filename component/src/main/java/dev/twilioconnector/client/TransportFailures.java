package dev.twilioconnector.client;

import org.apache.hc.client5.http.ConnectTimeoutException;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * Tells an I/O error that happened before the request left (so it never reached Twilio) from one that happened
 * after any of it was written, when Twilio may have received and carried it out. HttpClient opens the connection
 * and completes the TLS handshake before it writes the request, so these exception types prove the former.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static UncheckedIOException of(TwilioRequest request, IOException error) {
        if (neverSent(error)) {
            return new RequestNotSentException("Could not reach Twilio for " + request.purpose() + " (" + request
                    + "), the request was not sent: " + error, error);
        }
        return new UncheckedIOException("I/O error on " + request.purpose() + " (" + request + "): " + error, error);
    }

    private static boolean neverSent(IOException error) {
        return error instanceof ConnectException // HttpHostConnectException: refused
                || error instanceof ConnectTimeoutException
                || error instanceof NoRouteToHostException
                || error instanceof UnknownHostException
                || error instanceof SSLHandshakeException;
    }
}
