package dev.twilioconnector.resilience;

import dev.twilioconnector.client.RequestNotSentException;
import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.error.TwilioConnectorException;

import java.io.UncheckedIOException;

/**
 * What a failure means for sending the request again. GET and DELETE ask for the same result however often they
 * are sent, so they are retried on every failure that may pass: 429, 500, 502, 503, 504, an answer that is not
 * JSON, and I/O errors. A POST creates or changes something, so it is retried only when it provably was not carried
 * out: it never reached Twilio, or Twilio turned it away with 429 (code 20429, which Twilio documents as "not
 * processed, safe to retry"; its account-wide limit answers so when a connection's nodes together send more than
 * the account may). Other 4xx answers are final.
 */
final class RetryRules {

    private RetryRules() {
    }

    static boolean idempotent(TwilioRequest request) {
        return "GET".equals(request.method()) || "DELETE".equals(request.method());
    }

    static boolean mayRetry(TwilioRequest request, RuntimeException failure) {
        if (failure instanceof RequestNotSentException || tooManyRequests(failure)) {
            return true;
        }
        return idempotent(request) && passes(failure);
    }

    /** The request reached Twilio, or may have, and no answer says what came of it. */
    static boolean outcomeUnknown(RuntimeException failure) {
        return !(failure instanceof RequestNotSentException) && passes(failure) && !tooManyRequests(failure);
    }

    /**
     * A failure that says something is wrong with Twilio or the way to it, which is what the breaker counts. Not a
     * 429: Twilio is well and the account sends too much, which the node throttle answers by slowing down
     * ({@link AdaptiveRate}); an open breaker would stop the node for its whole wait instead, and nodes sharing an
     * account would take turns standing still.
     */
    static boolean signalsTrouble(Throwable failure) {
        return failure instanceof RuntimeException runtime && passes(runtime) && !tooManyRequests(runtime);
    }

    private static boolean passes(RuntimeException failure) {
        if (failure instanceof TwilioConnectorException answer) {
            int status = answer.getStatus();
            // a 2xx or 3xx here is an answer that could not be read: Twilio's body was cut short or is not JSON
            return status < 400 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
        }
        return failure instanceof UncheckedIOException;
    }

    /** Twilio's 429 (code 20429) turns a request away before doing anything with it. */
    static boolean tooManyRequests(RuntimeException failure) {
        return failure instanceof TwilioConnectorException answer && answer.getStatus() == 429;
    }
}
