package dev.twilioconnector.client;

/** What every successful answer from Twilio tells, whatever its body: for the request log and the meters. */
public interface TwilioAnswer {

    /** The HTTP status of the answer the body came with. */
    int status();

    /** Twilio's {@code Twilio-Request-Id}, or null. */
    String requestId();
}
