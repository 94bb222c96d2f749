package dev.twilioconnector.client;

import dev.twilioconnector.wire.FormParameters;

/**
 * One HTTP request to Twilio.
 *
 * @param method  GET, POST or DELETE
 * @param target  the path and query to request, relative to the base URL ({@code /2010-04-01/...})
 * @param form    the form parameters of a POST, empty otherwise
 * @param purpose what the request is for ({@code Messages List}), for error messages and logs
 * @param answer  what the successful answer's JSON becomes, as {@link TwilioResponse#body()}
 */
public record TwilioRequest(String method, String target, FormParameters form, String purpose, AnswerReader answer) {

    /** A request whose answer is read as Jackson's tree. */
    public TwilioRequest(String method, String target, FormParameters form, String purpose) {
        this(method, target, form, purpose, AnswerReader.TREE);
    }

    public static TwilioRequest get(String target, String purpose) {
        return get(target, purpose, AnswerReader.TREE);
    }

    public static TwilioRequest get(String target, String purpose, AnswerReader answer) {
        return new TwilioRequest("GET", target, new FormParameters(), purpose, answer);
    }

    @Override
    public String toString() {
        return method + ' ' + target;
    }
}
