package dev.twilioconnector.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.connection.ConnectionCapacity;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's HTTP endpoints on the runner's server: {@code POST /connection/pause},
 * {@code POST /connection/resume} and {@code GET /connection}, each answering the state and the routes concerned
 * as JSON; {@code GET /connection} adds the connection's nodes and what they may send together.
 */
final class ControlRoutes extends RouteBuilder {

    static final String PATH = "/connection";

    private final ConnectionControl control;
    private final ObjectMapper json = new ObjectMapper();

    ControlRoutes(ConnectionControl control) {
        this.control = control;
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
        ConnectionCapacity capacity = getContext().getComponent("twilio-connector", TwilioConnectorComponent.class).capacity();
        if (capacity != null) {
            state.put("nodes", json.createObjectNode().put("min", capacity.nodes().min()).put("max", capacity.nodes().max()));
            state.put("transactionsPerSecondPerNode", capacity.transactionsPerSecondPerNode());
            state.put("capacity", json.createObjectNode().put("minTransactionsPerSecond", capacity.minTransactionsPerSecond())
                    .put("maxTransactionsPerSecond", capacity.maxTransactionsPerSecond()));
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
