package dev.twilioconnector.poll;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A poller's membership in the view of its namespace of the CamelContext's cluster service: whether this node
 * leads it now, and a call when that may have changed.
 */
final class LeaderOnly implements CamelClusterEventListener.Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderOnly.class);

    private final CamelClusterService service;
    private final CamelClusterView view;
    private final Runnable onChange;

    private LeaderOnly(CamelClusterService service, CamelClusterView view, Runnable onChange) {
        this.service = service;
        this.view = view;
        this.onChange = onChange;
    }

    /** Joins the view of {@code namespace}; empty when the context has no cluster service. */
    static Optional<LeaderOnly> join(CamelContext context, String namespace, Runnable onChange) throws Exception {
        Optional<CamelClusterService> found = ClusterServiceHelper.lookupService(context);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CamelClusterView view = found.get().getView(namespace);
        LeaderOnly leaderOnly = new LeaderOnly(found.get(), view, onChange);
        view.addEventListener(leaderOnly);
        return Optional.of(leaderOnly);
    }

    boolean leading() {
        CamelClusterMember local = view.getLocalMember();
        return local != null && local.isLeader();
    }

    String namespace() {
        return view.getNamespace();
    }

    @Override
    public void leadershipChanged(CamelClusterView changed, CamelClusterMember leader) {
        LOG.info("Cluster namespace {}: {}", changed.getNamespace(), leading() ? "this node leads it and polls"
                : "led by " + (leader == null ? "no node yet" : leader.getId()) + ", this node does not poll");
        onChange.run();
    }

    void release() throws Exception {
        view.removeEventListener(this);
        service.releaseView(view);
    }
}
