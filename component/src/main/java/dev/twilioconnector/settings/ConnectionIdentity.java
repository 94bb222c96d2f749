package dev.twilioconnector.settings;

import dev.twilioconnector.error.InvalidSettingException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What names and describes a connection: its name, description, labels and location label. These never
 * change what is sent to Twilio; they show up in health details, metrics tags and logs.
 *
 * @param name        lowercase letters, digits and hyphens, starts with a letter, ends with a letter or digit, at most 49 characters
 * @param description free text, at most 1000 characters, may be empty
 * @param labels      key/value pairs, keys start with a lowercase letter; keys and values hold lowercase letters, digits, '_' and '-'
 * @param location    a label of where the connection runs, may be empty
 */
public record ConnectionIdentity(String name, String description, Map<String, String> labels, String location) {

    public static final String DEFAULT_NAME = "twilio";
    static final int MAX_NAME = 49;
    static final int MAX_DESCRIPTION = 1000;
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
    /** Keys start with a lowercase letter; keys and values hold lowercase letters, digits, '_' and '-', at most 63 characters. */
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");

    /** Checks and parses the raw settings. */
    public static ConnectionIdentity of(String name, String description, String labels, String location) {
        return new ConnectionIdentity(name(name), description(description), labels(labels), location(location));
    }

    private static String name(String name) {
        String value = name == null ? "" : name.trim();
        if (value.isEmpty()) {
            throw new InvalidSettingException("connectionName", "is empty: give lowercase letters, digits and hyphens,"
                    + " starting with a letter, e.g. twilio-prod");
        }
        if (value.length() > MAX_NAME) {
            throw new InvalidSettingException("connectionName", "'" + value + "' has " + value.length()
                    + " characters: at most " + MAX_NAME + " are allowed");
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidSettingException("connectionName", "'" + value + "' is not allowed: use lowercase letters,"
                    + " digits and hyphens, start with a letter and end with a letter or digit");
        }
        return value;
    }

    private static String description(String description) {
        String value = description == null ? "" : description.trim();
        if (value.length() > MAX_DESCRIPTION) {
            throw new InvalidSettingException("description", "has " + value.length() + " characters: at most "
                    + MAX_DESCRIPTION + " are allowed");
        }
        return value;
    }

    private static Map<String, String> labels(String labels) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (labels == null || labels.isBlank()) {
            return Map.of();
        }
        for (String pair : labels.split(",")) {
            String entry = pair.trim();
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new InvalidSettingException("labels", "entry '" + entry + "' is not key=value: give pairs"
                        + " separated by commas, e.g. team=messaging,env=prod");
            }
            String key = entry.substring(0, equals).trim();
            String value = entry.substring(equals + 1).trim();
            if (!LABEL_KEY.matcher(key).matches()) {
                throw new InvalidSettingException("labels", "key '" + key + "' is not allowed: start with a lowercase"
                        + " letter, then lowercase letters, digits, '_' or '-', at most 63 characters");
            }
            if (!LABEL_VALUE.matcher(value).matches()) {
                throw new InvalidSettingException("labels", "value '" + value + "' of key '" + key + "' is not allowed:"
                        + " lowercase letters, digits, '_' or '-', at most 63 characters");
            }
            if (parsed.put(key, value) != null) {
                throw new InvalidSettingException("labels", "key '" + key + "' is given twice");
            }
        }
        return Collections.unmodifiableMap(parsed);
    }

    private static String location(String location) {
        String value = location == null ? "" : location.trim();
        if (!LABEL_VALUE.matcher(value).matches()) {
            throw new InvalidSettingException("location", "'" + value + "' is not allowed: lowercase letters, digits,"
                    + " '_' or '-', at most 63 characters, e.g. europe-west1");
        }
        return value;
    }
}
