package dev.twilioconnector.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What Twilio's HTTP Basic authentication takes: the Account SID with its Auth Token, or an API
 * Key SID with its secret. The secret never appears in {@link #toString()}.
 */
public final class Credentials {

    private final String username;
    /** Encoded once: every request sends it. */
    private final String basicAuthorization;

    public Credentials(String username, String secret) {
        this.username = username;
        this.basicAuthorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ':' + secret).getBytes(StandardCharsets.UTF_8));
    }

    public String username() {
        return username;
    }

    /** The value of the {@code Authorization} header. */
    String basicAuthorization() {
        return basicAuthorization;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", secret=******]";
    }
}
