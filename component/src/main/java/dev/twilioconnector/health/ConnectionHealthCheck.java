package dev.twilioconnector.health;

import dev.twilioconnector.TwilioConnectorException;
import dev.twilioconnector.client.TwilioClient;
import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.connection.ConnectionIdentity;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Readiness of a connection: Twilio answers a read of the account with the connection's credentials.
 * Down, with the reason, while the credentials are rejected or the base URL cannot be reached.
 */
public final class ConnectionHealthCheck extends AbstractHealthCheck {

    private final ConnectionIdentity identity;
    private final String accountSid;
    private final Supplier<TwilioClient> client;

    public ConnectionHealthCheck(ConnectionIdentity identity, String accountSid, Supplier<TwilioClient> client) {
        super("twilio-connector", "twilio-connector-" + identity.name());
        this.identity = identity;
        this.accountSid = accountSid;
        this.client = client;
    }

    @Override
    public boolean isLiveness() {
        // an unreachable Twilio is no reason to restart this process
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        TwilioClient current = client.get();
        if (current == null) {
            builder.down().message("the connection is stopped");
            return;
        }
        builder.detail("base.url", current.settings().baseUrl());
        builder.detail("account.sid", accountSid);
        if (!identity.description().isEmpty()) {
            builder.detail("description", identity.description());
        }
        if (!identity.location().isEmpty()) {
            builder.detail("location", identity.location());
        }
        identity.labels().forEach((key, value) -> builder.detail("label." + key, value));
        try {
            current.send(TwilioRequest.get("/2010-04-01/Accounts/" + accountSid + ".json", "Accounts Get"));
            builder.up();
        } catch (TwilioConnectorException e) {
            builder.detail("http.status", e.getStatus());
            if (e.getCode() != null) {
                builder.detail("twilio.code", e.getCode());
            }
            builder.down().message(e.getStatus() == 401 || e.getStatus() == 403
                    ? "Twilio rejects the credentials: " + e.getMessage() : e.getMessage());
        } catch (RuntimeException e) {
            builder.down().message("Twilio is unreachable at " + current.settings().baseUrl() + ": " + e.getMessage());
        }
    }
}
