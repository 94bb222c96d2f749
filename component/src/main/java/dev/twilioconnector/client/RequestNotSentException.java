package dev.twilioconnector.client;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request provably never reached Twilio: no connection could be made (refused, timed out, no such host, a
 * proxy that refused the tunnel) or TLS failed, before any byte of the request was written. Even a POST is safe to
 * send again.
 */
public final class RequestNotSentException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    public RequestNotSentException(String message, IOException cause) {
        super(message, cause);
    }
}
