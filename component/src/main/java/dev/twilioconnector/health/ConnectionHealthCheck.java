package dev.twilioconnector.health;

import dev.twilioconnector.client.TwilioRequest;
import dev.twilioconnector.error.TwilioConnectorCircuitOpenException;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.error.TwilioConnectorThrottledException;
import dev.twilioconnector.resilience.CallPath;
import dev.twilioconnector.settings.ConnectionCapacity;
import dev.twilioconnector.settings.ConnectionIdentity;
import org.apache.camel.health.HealthCheckResultBuilder;

import java.util.function.Supplier;

/**
 * Readiness of a connection: Twilio answers a read of the account with the connection's credentials.
 * Down, with the reason, while the credentials are rejected or the base URL cannot be reached.
 *
 * <p>The read goes the connection's call path like any request, so it takes its turn at the node throttle and
 * counts for the circuit breaker, the metrics and the request log; but as one attempt, without retries, so that
 * a probe answers within a response timeout and the next probe asks again.
 */
public final class ConnectionHealthCheck extends CallPathHealthCheck {

    private final ConnectionIdentity identity;
    private final ConnectionCapacity capacity;
    private final String accountSid;
    private final String baseUrl;

    public ConnectionHealthCheck(ConnectionIdentity identity, ConnectionCapacity capacity, String accountSid,
                                 String baseUrl, Supplier<CallPath> callPath) {
        super("twilio-connector-" + identity.name(), callPath);
        this.identity = identity;
        this.capacity = capacity;
        this.accountSid = accountSid;
        this.baseUrl = baseUrl;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder, CallPath current) {
        builder.detail("base.url", baseUrl);
        builder.detail("account.sid", accountSid);
        if (!identity.description().isEmpty()) {
            builder.detail("description", identity.description());
        }
        if (!identity.location().isEmpty()) {
            builder.detail("location", identity.location());
        }
        identity.labels().forEach((key, value) -> builder.detail("label." + key, value));
        capacity.details().forEach(builder::detail);
        try {
            current.sendOnce(TwilioRequest.get("/2010-04-01/Accounts/" + accountSid + ".json", "Accounts Get"));
            builder.up();
        } catch (TwilioConnectorThrottledException busy) {
            // a node busy to its limit is serving; taking it out of service would cut its webhooks too
            builder.detail("throttle.queue.full", true);
            builder.up().message(busy.getMessage());
        } catch (TwilioConnectorCircuitOpenException notSent) {
            builder.down().message(notSent.getMessage());
        } catch (TwilioConnectorException e) {
            builder.detail("http.status", e.getStatus());
            if (e.getCode() != null) {
                builder.detail("twilio.code", e.getCode());
            }
            builder.down().message(e.getStatus() == 401 || e.getStatus() == 403
                    ? "Twilio rejects the credentials: " + e.getMessage() : e.getMessage());
        } catch (RuntimeException e) {
            builder.down().message("Twilio is unreachable at " + baseUrl + ": " + e.getMessage());
        }
    }
}
