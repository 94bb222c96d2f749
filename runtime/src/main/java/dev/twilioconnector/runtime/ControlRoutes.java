package dev.twilioconnector.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's HTTP endpoints on the runner's server: {@code POST /connection/pause},
 * {@code POST /connection/resume} and {@code GET /connection}, each answering the state and the routes concerned
 * as JSON.
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
                .process(exchange -> answer(exchange, control.connectionRoutes()));
    }

    private void answer(Exchange exchange, List<String> routes) throws JsonProcessingException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", control.getConnectionState());
        state.put("routes", routes);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(state));
    }
}
