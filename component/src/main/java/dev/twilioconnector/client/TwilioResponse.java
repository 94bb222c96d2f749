package dev.twilioconnector.client;

/**
 * A successful answer from Twilio.
 *
 * @param status    the HTTP status
 * @param body      what the request's {@link AnswerReader} made of the JSON body; with {@link AnswerReader#TREE},
 *                  the tree, a missing node for 204
 * @param requestId Twilio's {@code Twilio-Request-Id}, or null
 */
public record TwilioResponse(int status, Object body, String requestId) implements TwilioAnswer {
}
