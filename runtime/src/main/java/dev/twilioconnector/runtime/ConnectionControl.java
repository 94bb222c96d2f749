package dev.twilioconnector.runtime;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Duration;

import java.util.List;

/**
 * Pauses and resumes the connection: the consumer of every route that sends to or consumes from
 * {@code twilio-connector:} is suspended, so it takes no new work while the exchanges in flight finish, and
 * resumed later where it stopped. Only the consumer is suspended, not the route: Camel's graceful route suspend
 * would first drain a queue feeding the route (seda's pending exchanges), which is the opposite of a pause; a
 * consumer that cannot be suspended falls back to suspending its route. Reachable over HTTP (see
 * {@link ControlRoutes}) and JMX.
 */
@ManagedResource(description = "Pause and resume the Twilio connection")
public final class ConnectionControl extends ServiceSupport implements CamelContextAware {

    private static final String SCHEME = "twilio-connector:";
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);

    private CamelContext camelContext;
    private volatile boolean paused;

    @ManagedOperation(description = "Stop taking new work on every route that uses the connection; in-flight exchanges finish")
    public synchronized List<String> pauseConnection() throws Exception {
        List<String> ids = connectionRoutes();
        for (String id : ids) {
            Consumer consumer = camelContext.getRoute(id).getConsumer();
            if (!ServiceHelper.suspendService(consumer)) {
                camelContext.getRouteController().suspendRoute(id);
            }
        }
        paused = true;
        awaitInflight(ids);
        return ids;
    }

    @ManagedOperation(description = "Take new work again on the routes pauseConnection paused")
    public synchronized List<String> resumeConnection() throws Exception {
        List<String> ids = connectionRoutes();
        for (String id : ids) {
            Route route = camelContext.getRoute(id);
            if (camelContext.getRouteController().getRouteStatus(id).isSuspended()) {
                camelContext.getRouteController().resumeRoute(id);
            } else {
                ServiceHelper.resumeService(route.getConsumer());
            }
        }
        paused = false;
        return ids;
    }

    /** Waits until the exchanges the paused routes had taken have finished, at most {@link #IN_FLIGHT_WAIT}. */
    private void awaitInflight(List<String> ids) throws InterruptedException {
        InflightRepository inflight = camelContext.getInflightRepository();
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (ids.stream().anyMatch(id -> inflight.size(id) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @ManagedAttribute(description = "paused or running")
    public String getConnectionState() {
        return paused ? "paused" : "running";
    }

    /** The ids of the routes whose endpoints include a twilio-connector one. */
    public List<String> connectionRoutes() {
        ModelCamelContext model = (ModelCamelContext) camelContext;
        return model.getRouteDefinitions().stream()
                .filter(this::usesConnection)
                .map(RouteDefinition::getRouteId)
                .toList();
    }

    private boolean usesConnection(RouteDefinition route) {
        return RouteDefinitionHelper.gatherAllEndpointUris(camelContext, route, true, true, true).stream()
                .anyMatch(uri -> uri.startsWith(SCHEME));
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
