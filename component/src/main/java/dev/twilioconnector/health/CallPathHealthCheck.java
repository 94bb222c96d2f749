package dev.twilioconnector.health;

import dev.twilioconnector.resilience.CallPath;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A readiness check of one connection's call path, which exists only while the component runs. Never a liveness
 * check: Twilio being unreachable, or a breaker waiting for it to recover, is no reason to restart this process.
 */
abstract class CallPathHealthCheck extends AbstractHealthCheck {

    private final Supplier<CallPath> callPath;

    CallPathHealthCheck(String id, Supplier<CallPath> callPath) {
        super("twilio-connector", id);
        this.callPath = callPath;
    }

    @Override
    public final boolean isLiveness() {
        return false;
    }

    @Override
    protected final void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CallPath current = callPath.get();
        if (current == null) {
            builder.down().message("the connection is stopped");
            return;
        }
        check(builder, current);
    }

    /** Fills the result for the running call path. */
    protected abstract void check(HealthCheckResultBuilder builder, CallPath callPath);
}
