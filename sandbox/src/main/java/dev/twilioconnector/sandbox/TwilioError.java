package dev.twilioconnector.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** A failure answered in Twilio's error shape: HTTP status plus Twilio's numeric error code. */
final class TwilioError extends RuntimeException {

    private final int status;
    private final int code;

    TwilioError(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static TwilioError notFound(String path) {
        return new TwilioError(404, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioError badRequest(int code, String message) {
        return new TwilioError(400, code, message);
    }

    /** Twilio's answer to a request over the account's limit: not processed, safe to retry. */
    static TwilioError tooManyRequests() {
        return new TwilioError(429, 20429, "Too Many Requests");
    }

    /** Twilio's generic code for a parameter that is missing or unusable. */
    static TwilioError invalidParameter(String message) {
        return new TwilioError(400, 20001, message);
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", getMessage());
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return body;
    }
}
