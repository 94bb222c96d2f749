package dev.twilioconnector.runtime;

import dev.twilioconnector.error.InvalidSettingException;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;

import java.util.Locale;
import java.util.Map;

/**
 * One of the runner's own settings ({@code camel.cluster.file.root}, {@code twilio.state.jdbc-url}), read where and in
 * the order camel-main reads its settings, later sources winning: {@code application.properties} (and the runner's
 * overrides), the environment variable ({@code CAMEL_CLUSTER_FILE_ROOT}), {@code -D}. Read without Camel's
 * placeholder lookup, which TRACE-logs the value it found, a password perhaps; a value with a placeholder
 * ({@code {{file:/run/secrets/db}}}) is resolved.
 */
record RunnerSetting(String key, String value) {

    static RunnerSetting read(String key, PropertiesComponent properties, Map<String, String> environment) {
        String value = System.getProperty(key);
        if (value == null) {
            value = environment.get(variableName(key));
        }
        if (value == null) {
            value = properties.loadProperties(key::equals).getProperty(key);
        }
        if (value != null && value.contains("{{")) {
            value = properties.parseUri(value);
        }
        return new RunnerSetting(key, value == null || value.isBlank() ? null : value.trim());
    }

    /** {@code camel.cluster.file.acquire-lock-interval} to {@code CAMEL_CLUSTER_FILE_ACQUIRE_LOCK_INTERVAL}. */
    static String variableName(String key) {
        return key.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
    }

    boolean isSet() {
        return value != null;
    }

    String orElse(String fallback) {
        return isSet() ? value : fallback;
    }

    boolean isTrue() {
        if (!isSet()) {
            return false;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(key, "'" + value + "' is not allowed: use true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** A whole number of milliseconds: {@code 5000}, or a duration as Camel writes them, {@code 500ms}, {@code 5s}, {@code 1m30s}. */
    long millis(long fallback) {
        if (!isSet()) {
            return fallback;
        }
        long millis;
        try {
            millis = TimeUtils.toMilliSeconds(value);
        } catch (RuntimeException e) {
            millis = 0;
        }
        if (millis <= 0) {
            throw new InvalidSettingException(key, "'" + value + "' is not a duration above zero: give milliseconds"
                    + " (5000) or a duration such as 500ms, 5s or 1m30s");
        }
        return millis;
    }
}
