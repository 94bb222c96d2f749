package dev.twilioconnector.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.settings.ConnectionCapacity;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator's HTTP endpoints on the runner's server: {@code POST /connection/pause},
 * {@code POST /connection/resume} and {@code GET /connection}, each answering the state and the routes concerned
 * as JSON; {@code GET /connection} adds this node's id, the namespaces it leads, the nodes it sees, the connection's
 * node range and what its nodes may send together: the configured range and what the nodes seen now give.
 */
final class ControlRoutes extends RouteBuilder {

    static final String PATH = "/connection";

    private final ConnectionControl control;
    private final Supplier<ConnectionNodes> nodes;
    private final ObjectMapper json = new ObjectMapper();

    ControlRoutes(ConnectionControl control, Supplier<ConnectionNodes> nodes) {
        this.control = control;
        this.nodes = nodes;
    }

    @Override
    public void configure() {
        from("platform-http:" + PATH + "/pause?httpMethodRestrict=POST").routeId("connection-pause")
                .process(exchange -> answer(exchange, control.pauseConnection()));
        from("platform-http:" + PATH + "/resume?httpMethodRestrict=POST").routeId("connection-resume")
                .process(exchange -> answer(exchange, control.resumeConnection()));
        from("platform-http:" + PATH + "?httpMethodRestrict=GET").routeId("connection-state")
                .process(this::answerStatus);
    }

    private void answer(Exchange exchange, List<String> routes) throws JsonProcessingException {
        answer(exchange, state(routes));
    }

    private void answerStatus(Exchange exchange) throws JsonProcessingException {
        Map<String, Object> state = state(control.connectionRoutes());
        ConnectionNodes current = nodes.get();
        List<String> seen = null;
        if (current != null) {
            state.put("node", current.nodeId());
            state.put("leadership", current.leadership());
            seen = current.nodesSeen();
            state.put("nodesSeen", seen);
        }
        ConnectionCapacity capacity = getContext().getComponent("twilio-connector", TwilioConnectorComponent.class).capacity();
        if (capacity != null) {
            state.put("nodes", json.createObjectNode().put("min", capacity.nodes().min()).put("max", capacity.nodes().max()));
            state.put("transactionsPerSecondPerNode", capacity.transactionsPerSecondPerNode());
            ObjectNode range = json.createObjectNode().put("minTransactionsPerSecond", capacity.minTransactionsPerSecond())
                    .put("maxTransactionsPerSecond", capacity.maxTransactionsPerSecond());
            if (current != null) {
                range.put("currentTransactionsPerSecond", current.transactionsPerSecond(seen));
            }
            state.put("capacity", range);
        }
        answer(exchange, state);
    }

    private Map<String, Object> state(List<String> routes) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", control.getConnectionState());
        state.put("routes", routes);
        return state;
    }

    private void answer(Exchange exchange, Map<String, Object> state) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(state));
    }
}
