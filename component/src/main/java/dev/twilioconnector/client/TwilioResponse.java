package dev.twilioconnector.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer from Twilio.
 *
 * @param status    the HTTP status
 * @param body      the JSON body, a missing node for 204
 * @param requestId Twilio's {@code Twilio-Request-Id}, or null
 */
public record TwilioResponse(int status, JsonNode body, String requestId) implements TwilioAnswer {
}
