package dev.twilioconnector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.operation.ConnectorRequest;
import dev.twilioconnector.operation.ConnectorResult;
import dev.twilioconnector.stream.PageStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Runs the endpoint's operation with the exchange's inputs and puts the records in the body. */
public class TwilioConnectorProducer extends DefaultProducer {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private ExecutorService pageReader;

    public TwilioConnectorProducer(TwilioConnectorEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (streams()) {
            pageReader = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newCachedThreadPool(this, "TwilioConnectorPageReader");
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (pageReader != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(pageReader);
            pageReader = null;
        }
        super.doStop();
    }

    private boolean streams() {
        return getEndpoint().getConfiguration().isStreamResults() && getEndpoint().resolvedOperation() == Operation.LIST;
    }

    @Override
    public TwilioConnectorEndpoint getEndpoint() {
        return (TwilioConnectorEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        TwilioConnectorEndpoint endpoint = getEndpoint();
        TwilioConnectorConfiguration options = endpoint.getConfiguration();
        Message message = exchange.getMessage();
        Operation operation = endpoint.resolvedOperation();
        ConnectorRequest request = new ConnectorRequest(endpoint.resolvedEntity(), operation,
                input(message, TwilioConnectorConstants.ENTITY_ID, options.getEntityId()),
                input(message, TwilioConnectorConstants.FILTER_CLAUSE, options.getFilterClause()),
                pageSize(message, options.getPageSize()),
                input(message, TwilioConnectorConstants.PAGE_TOKEN, options.getPageToken()),
                input(message, TwilioConnectorConstants.SORT_BY_COLUMNS, options.getSortByColumns()),
                payload(message, operation));
        if (streams()) {
            message.setBody(stream(request));
            message.removeHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN);
            return;
        }
        ConnectorResult result = endpoint.runner().run(request);
        message.setBody(result.body());
        if (result.nextPageToken() == null) {
            message.removeHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN);
        } else {
            message.setHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, result.nextPageToken());
        }
    }

    /** Every record of the List, read lazily in pages of streamPageSize, in Twilio's order. */
    private PageStream stream(ConnectorRequest request) {
        if (request.sortByColumns() != null && !request.sortByColumns().isBlank()) {
            throw new TwilioConnectorInputException("streamResults reads records in Twilio's order, page by page;"
                    + " sortByColumns '" + request.sortByColumns() + "' would need every record in memory: remove one of them");
        }
        ConnectorRequest first = new ConnectorRequest(request.entity(), request.operation(), request.entityId(),
                request.filterClause(), getEndpoint().streamPageSize(), null, null, request.payload());
        return new PageStream(getEndpoint().runner(), first, pageReader);
    }

    private static String input(Message message, String header, String option) {
        String value = message.getHeader(header, String.class);
        return value != null ? value : option;
    }

    static int pageSize(Message message, int option) {
        Object value = message.getHeader(TwilioConnectorConstants.PAGE_SIZE);
        if (value == null) {
            return option;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new TwilioConnectorInputException("Header " + TwilioConnectorConstants.PAGE_SIZE + " '" + value
                    + "' is not a number: allowed 1..1000");
        }
    }

    /**
     * The connectorInputPayload. For Create and Update the body must be a JSON object or a Map; for
     * the other operations only its parent keys are read, and a body of another shape is ignored.
     */
    private Map<String, Object> payload(Message message, Operation operation) {
        boolean required = operation == Operation.CREATE || operation == Operation.UPDATE;
        Object body = message.getBody();
        if (body == null) {
            return Map.of();
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> payload = new LinkedHashMap<>();
            map.forEach((key, value) -> payload.put(String.valueOf(key), value));
            return payload;
        }
        String text = body instanceof String s ? s : required ? message.getBody(String.class) : null;
        if (text == null || text.isBlank()) {
            if (required && text == null) {
                throw new TwilioConnectorInputException("The body of " + getEndpoint().getEntity() + " "
                        + operation.label() + " must be a JSON object or a Map, not " + body.getClass().getName());
            }
            return Map.of();
        }
        try {
            return getEndpoint().getComponent().mapper().readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            if (!required) {
                return Map.of();
            }
            throw new TwilioConnectorInputException("The body of " + getEndpoint().getEntity() + " " + operation.label()
                    + " is not a JSON object: " + e.getOriginalMessage());
        }
    }
}
