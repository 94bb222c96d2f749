package dev.twilioconnector.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twilioconnector.wire.FormParameters;

import java.util.Map;

/**
 * One HTTP request to Twilio.
 *
 * @param method  GET, POST, PUT or DELETE
 * @param target  the path and query to request, relative to the base URL ({@code /2010-04-01/...})
 * @param form    the form parameters of a POST or PUT whose body is a form, empty otherwise
 * @param json    the body of a POST or PUT whose description takes JSON, null otherwise
 * @param headers the headers the operation's description defines ({@code If-Match}), by name
 * @param purpose what the request is for ({@code Messages List}), for error messages and logs
 * @param product the key of the product whose base URL the target is relative to ({@code api}, {@code verify})
 * @param host    the product's host at Twilio, where its requests go unless the connection points it elsewhere
 * @param answer  what the successful answer's JSON becomes, as {@link TwilioResponse#body()}
 */
public record TwilioRequest(String method, String target, FormParameters form, JsonNode json,
                            Map<String, String> headers, String purpose, String product, String host,
                            AnswerReader answer) {

    public static final String API_HOST = "https://api.twilio.com";

    /** A request to the 2010 API whose answer is read as Jackson's tree. */
    public TwilioRequest(String method, String target, FormParameters form, String purpose) {
        this(method, target, form, null, Map.of(), purpose, ProductHosts.API, API_HOST, AnswerReader.TREE);
    }

    public static TwilioRequest get(String target, String purpose) {
        return get(target, purpose, AnswerReader.TREE);
    }

    public static TwilioRequest get(String target, String purpose, AnswerReader answer) {
        return new TwilioRequest("GET", target, new FormParameters(), null, Map.of(), purpose, ProductHosts.API, API_HOST,
                answer);
    }

    @Override
    public String toString() {
        return method + ' ' + target;
    }
}
