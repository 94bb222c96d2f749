package dev.twilioconnector.runtime;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.RoutePolicySupport;

/**
 * The route policy {@code #leaderOnly}, for a flow that must run once per connection, not once per node (the
 * nightly export): with a cluster service, Camel's {@link ClusteredRoutePolicy} on namespace
 * {@value #NAMESPACE}, which starts the route on the leader only and on another node when the leader goes; without
 * one, a policy that does nothing, so that the same YAML runs on a single node unchanged.
 */
final class LeaderOnly {

    static final String BEAN = "leaderOnly";
    static final String NAMESPACE = "twilio-connector";

    private LeaderOnly() {
    }

    static RoutePolicy policy(CamelContext context, CamelClusterService clusterService) throws Exception {
        if (clusterService == null) {
            return new EveryNode();
        }
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(clusterService, NAMESPACE);
        policy.setCamelContext(context);
        return policy;
    }

    /** Without a cluster the one node is the leader. */
    private static final class EveryNode extends RoutePolicySupport {
    }
}
