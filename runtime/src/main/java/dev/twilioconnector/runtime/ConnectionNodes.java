package dev.twilioconnector.runtime;

import dev.twilioconnector.runtime.state.NodeHeartbeat;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * This node among the connection's nodes: its id, whether it leads each namespace of the cluster service, the nodes
 * it knows of (those whose heartbeat the state database holds, and the members the cluster service shows: pods on
 * Kubernetes, only itself and the leader with the file lock), and the rate they give together, each node sending up
 * to its own throttle's rate.
 */
final class ConnectionNodes {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionNodes.class);

    private final String nodeId;
    private final CamelClusterService clusterService;
    private final NodeHeartbeat heartbeat;
    private final IntSupplier transactionsPerSecondPerNode;

    /**
     * @param clusterService null without one
     * @param heartbeat      null without a state database
     */
    ConnectionNodes(String nodeId, CamelClusterService clusterService, NodeHeartbeat heartbeat,
                    IntSupplier transactionsPerSecondPerNode) {
        this.nodeId = nodeId;
        this.clusterService = clusterService;
        this.heartbeat = heartbeat;
        this.transactionsPerSecondPerNode = transactionsPerSecondPerNode;
    }

    String nodeId() {
        return nodeId;
    }

    /** Namespace to whether this node leads it, for the namespaces this node takes part in. */
    Map<String, Boolean> leadership() {
        Map<String, Boolean> leadership = new TreeMap<>();
        if (clusterService != null) {
            clusterService.getNamespaces().forEach(namespace -> leadership.put(namespace, clusterService.isLeader(namespace)));
        }
        return leadership;
    }

    List<String> nodesSeen() {
        TreeSet<String> seen = new TreeSet<>();
        seen.add(nodeId);
        if (heartbeat != null) {
            seen.addAll(heartbeat.nodesSeen());
        }
        if (clusterService != null) {
            for (String namespace : clusterService.getNamespaces()) {
                seen.addAll(members(namespace));
            }
        }
        return List.copyOf(seen);
    }

    /** What {@code seen}, the result of {@link #nodesSeen()}, may send together. */
    long transactionsPerSecond(List<String> seen) {
        return (long) seen.size() * transactionsPerSecondPerNode.getAsInt();
    }

    /** As health-check details. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", nodeId);
        leadership().forEach((namespace, leads) -> details.put("leader." + namespace, leads));
        List<String> seen = nodesSeen();
        details.put("nodes.seen", String.join(",", seen));
        details.put("capacity.transactions.per.second.current", transactionsPerSecond(seen));
        return details;
    }

    /**
     * The members of a namespace's view. getView counts a holder of the view, so it is released at once: a view held
     * by every health probe would outlive the poller that joined it, and its node would lead a namespace nobody polls.
     */
    private List<String> members(String namespace) {
        CamelClusterView view;
        try {
            view = clusterService.getView(namespace);
        } catch (Exception e) {
            // a view that cannot tell its members now shows none; the heartbeats still count
            return List.of();
        }
        try {
            return view.getMembers().stream().map(CamelClusterMember::getId).toList();
        } finally {
            try {
                clusterService.releaseView(view);
            } catch (Exception e) {
                LOG.debug("Cluster view {} not released: {}", namespace, e.getMessage());
            }
        }
    }
}
