package dev.twilioconnector.settings;

import dev.twilioconnector.error.InvalidSettingException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** Checks where Twilio is and how long to wait for it. */
public final class TransportCheck {

    private TransportCheck() {
    }

    public static String baseUrl(String baseUrl) {
        String value = baseUrl == null ? "" : baseUrl.trim();
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return value;
            }
        } catch (URISyntaxException notAUri) {
            // answered below, as every other unusable value
        }
        throw new InvalidSettingException("baseUrl", "'" + value + "' is not an http:// or https:// URL with a host,"
                + " e.g. https://api.twilio.com");
    }

    public static Duration timeout(String setting, int millis) {
        if (millis < 1) {
            throw new InvalidSettingException(setting, "is " + millis + ": give a number of milliseconds, at least 1");
        }
        return Duration.ofMillis(millis);
    }
}
