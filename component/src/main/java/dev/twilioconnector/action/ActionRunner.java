package dev.twilioconnector.action;

import dev.twilioconnector.operation.ConnectorRequest;
import dev.twilioconnector.operation.OperationRunner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries out an action whose inputs were checked: makes its request as the plain operation of the catalog it is,
 * through the connection's runner (so through the throttle, retries where safe and the circuit breaker), then waits
 * for a status if asked. A Create is sent once, as by the producer: the call path retries it only when it surely
 * never reached Twilio.
 */
public final class ActionRunner {

    private final OperationRunner operations;
    private final StatusPoller poller;

    public ActionRunner(OperationRunner operations) {
        this.operations = operations;
        this.poller = new StatusPoller(operations);
    }

    /**
     * The action's output, of the record its request made or read once that reached the status waited for, or of
     * Twilio's answer to the request.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(Action action, Map<String, Object> inputs, StatusWait wait) {
        ActionRequest request = action.request();
        Map<String, Object> record = (Map<String, Object>) operations.run(new ConnectorRequest(request.entity(),
                request.operation(), null, null, ConnectorRequest.DEFAULT_PAGE_SIZE, null, null, payload(request, inputs)))
                .body();
        return action.output().of(wait.waits() ? poller.await(action, action.watch(), record, wait) : record);
    }

    private static Map<String, Object> payload(ActionRequest request, Map<String, Object> inputs) {
        Map<String, Object> payload = new LinkedHashMap<>(inputs);
        request.whenGiven().forEach((input, fields) -> {
            if (inputs.containsKey(input)) {
                payload.putAll(fields);
            }
        });
        return payload;
    }
}
