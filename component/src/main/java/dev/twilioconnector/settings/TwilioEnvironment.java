package dev.twilioconnector.settings;

import java.util.Map;

/**
 * The environment variables the Twilio CLI and SDKs read: {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN},
 * {@code TWILIO_API_KEY} and {@code TWILIO_API_SECRET}. A component option, when set, wins over its variable.
 */
public record TwilioEnvironment(Map<String, String> variables) {

    public static final String ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
    public static final String AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    public static final String API_KEY = "TWILIO_API_KEY";
    public static final String API_SECRET = "TWILIO_API_SECRET";
    /** No variables: what a connection reads once its options name its credentials. */
    public static final TwilioEnvironment NONE = new TwilioEnvironment(Map.of());

    public static TwilioEnvironment system() {
        return new TwilioEnvironment(System.getenv());
    }

    /** The option's value when set, else the variable's, else null. */
    public String orElse(String option, String variable) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String value = variables.get(variable);
        return value == null || value.isBlank() ? null : value;
    }

    /** Names the variables only: their values include the Auth Token and the API Key secret. */
    @Override
    public String toString() {
        return "TwilioEnvironment" + variables.keySet().stream().filter(name -> name.startsWith("TWILIO_")).sorted().toList();
    }
}
