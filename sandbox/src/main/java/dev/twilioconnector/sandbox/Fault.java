package dev.twilioconnector.sandbox;

/**
 * A failure the sandbox can answer a request with instead of its normal answer, as Twilio or the network between
 * sometimes does. The error answers (429, 503, 500, 502, 504) turn the request away before anything is done with
 * it; the last three do what was asked and then lose or spoil the answer, so the client cannot know that it was
 * done.
 */
public enum Fault {

    /** 429 with Twilio's code 20429 and no {@code Retry-After}; nothing is done. */
    TOO_MANY_REQUESTS,
    /** 429 with Twilio's code 20429 and a {@code Retry-After} ({@link Faults#retryAfter}); nothing is done. */
    TOO_MANY_REQUESTS_RETRY_AFTER,
    /** 503 with Twilio's code 20503; nothing is done. */
    SERVICE_UNAVAILABLE,
    /** 500 with Twilio's code 20500; nothing is done. */
    INTERNAL_SERVER_ERROR,
    /** 502 with a gateway's HTML page instead of Twilio's JSON, as a load balancer in front answers; nothing is done. */
    BAD_GATEWAY,
    /** 504 with a gateway's HTML page instead of Twilio's JSON, as a load balancer in front answers; nothing is done. */
    GATEWAY_TIMEOUT,
    /** Done, and answered only after the slow-response delay, past a client's response timeout. */
    SLOW_RESPONSE,
    /** Done, and the connection closed before any answer. */
    CONNECTION_RESET,
    /** Done, and answered with only the first half of the JSON body. */
    TRUNCATED_BODY;

    /** Whether the sandbox carries out the request before it spoils the answer. */
    public boolean carriesOut() {
        return this == SLOW_RESPONSE || this == CONNECTION_RESET || this == TRUNCATED_BODY;
    }
}
