package dev.twilioconnector.connection;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

import java.util.Map;

/**
 * A connection's health check with the connection's capacity (nodes and transactions per second) added to the
 * details of each result; its state, message and every other detail are the wrapped check's own.
 */
public final class CapacityHealthDetails implements HealthCheck, CamelContextAware {

    private final HealthCheck check;
    private final ConnectionCapacity capacity;
    private CamelContext camelContext;

    public CapacityHealthDetails(HealthCheck check, ConnectionCapacity capacity) {
        this.check = check;
        this.capacity = capacity;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = check.call(options);
        return HealthCheckResultBuilder.on(this).state(result.getState())
                .message(result.getMessage().orElse(null))
                .error(result.getError().orElse(null))
                .details(result.getDetails())
                .details(capacity.details())
                .build();
    }

    @Override
    public String getGroup() {
        return check.getGroup();
    }

    @Override
    public String getId() {
        return check.getId();
    }

    @Override
    public int getOrder() {
        return check.getOrder();
    }

    @Override
    public boolean isEnabled() {
        return check.isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        check.setEnabled(enabled);
    }

    @Override
    public Map<String, Object> getMetaData() {
        return check.getMetaData();
    }

    @Override
    public boolean isReadiness() {
        return check.isReadiness();
    }

    @Override
    public boolean isLiveness() {
        return check.isLiveness();
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        if (check instanceof CamelContextAware aware) {
            aware.setCamelContext(camelContext);
        }
    }
}
