package dev.twilioconnector.runtime;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;

/**
 * This node's place among the connection's nodes in the health output: its id, what it leads, the nodes it sees and
 * the rate they give together. Always up: a follower serves webhooks and requests as well as the leader.
 */
final class NodesHealthCheck extends AbstractHealthCheck {

    private final ConnectionNodes nodes;

    NodesHealthCheck(ConnectionNodes nodes) {
        super("twilio-connector", "twilio-connector-nodes");
        this.nodes = nodes;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        nodes.details().forEach(builder::detail);
        builder.up();
    }
}
