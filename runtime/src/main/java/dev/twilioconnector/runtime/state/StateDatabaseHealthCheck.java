package dev.twilioconnector.runtime.state;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * Readiness of the shared state database: down, naming the database (never the password), while no connection to
 * it can be had within the pool's timeout or its tables cannot be made; up again by itself once it answers. Never
 * liveness: restarting the node brings no database back.
 */
public final class StateDatabaseHealthCheck extends AbstractHealthCheck {

    private final StateDatabase database;

    public StateDatabaseHealthCheck(StateDatabase database) {
        super("twilio-connector", "twilio-connector-state-database");
        this.database = database;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("state.database", database.describe());
        try {
            database.check();
            builder.up();
        } catch (Exception e) {
            builder.down().message("The state database " + database.describe() + " is unreachable: " + reason(e));
        }
    }

    /** The innermost message: the driver's (connection refused, authentication failed), not the pool's timeout. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
