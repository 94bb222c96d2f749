package dev.twilioconnector;

import dev.twilioconnector.action.Action;
import dev.twilioconnector.action.ActionInput;
import dev.twilioconnector.action.QueryEngine;
import dev.twilioconnector.action.QueryRows;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.operation.ConnectorRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs an action that queries ({@code ExecuteCustomQuery}): the body's SQL, with the parameters of header
 * {@code CamelTwilioConnectorQueryParameters}, through the {@link QueryEngine} on the class path and the endpoint's
 * runner. The rows come back in pages, as a List's records do, or as a stream with {@code streamResults}.
 *
 * <p>A page token is the number of rows the pages before it held: the next page runs the query again and skips them.
 * The query keeps no state between calls, so a token outlives the producer and the node, at the cost of reading the
 * skipped rows again.
 */
public class TwilioConnectorQueryProducer extends DefaultProducer {

    private static final String QUERY_HEADER = ActionInput.HEADER_PREFIX + "Query";

    private final Action action;
    private QueryEngine engine;

    public TwilioConnectorQueryProducer(TwilioConnectorActionEndpoint endpoint, Action action) {
        super(endpoint);
        this.action = action;
    }

    /** Finds the engine when the route starts, so that a class path without one fails then, naming the artifact. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        engine = QueryEngine.find(action);
    }

    @Override
    public TwilioConnectorActionEndpoint getEndpoint() {
        return (TwilioConnectorActionEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        TwilioConnectorConfiguration options = getEndpoint().getConfiguration();
        Message message = exchange.getMessage();
        String sql = sql(message);
        List<Object> parameters = parameters(message);
        if (options.isStreamResults()) {
            message.setBody(engine.run(getEndpoint().runner(), sql, parameters, 0));
            message.removeHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN);
            return;
        }
        int pageSize = TwilioConnectorProducer.pageSize(message, options.getPageSize());
        if (pageSize < 1 || pageSize > ConnectorRequest.MAX_PAGE_SIZE) {
            throw new TwilioConnectorInputException("pageSize " + pageSize + " is out of range: allowed 1.."
                    + ConnectorRequest.MAX_PAGE_SIZE);
        }
        long skip = rowsBefore(message, options.getPageToken());
        List<Map<String, Object>> page = new ArrayList<>(pageSize);
        boolean more;
        // one row past the page tells whether another page follows
        try (QueryRows rows = engine.run(getEndpoint().runner(), sql, parameters, skip + pageSize + 1)) {
            for (long i = 0; i < skip && rows.hasNext(); i++) {
                rows.next();
            }
            while (page.size() < pageSize && rows.hasNext()) {
                page.add(rows.next());
            }
            more = rows.hasNext();
        }
        message.setBody(page);
        if (more) {
            message.setHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, Long.toString(skip + pageSize));
        } else {
            message.removeHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN);
        }
    }

    /** The query: header {@code CamelTwilioConnectorQuery}, else the body's text. */
    private String sql(Message message) {
        String text = message.getHeader(QUERY_HEADER, String.class);
        if (text == null) {
            text = message.getBody(String.class);
        }
        if (text == null || text.isBlank()) {
            throw new TwilioConnectorInputException("Action " + action.name() + " needs one SQL SELECT as the message body"
                    + " (text) or header " + QUERY_HEADER + ", e.g. SELECT Status, COUNT(*) AS N FROM Messages GROUP BY Status");
        }
        return text;
    }

    private static List<Object> parameters(Message message) {
        Object given = message.getHeader(TwilioConnectorConstants.QUERY_PARAMETERS);
        if (given == null) {
            return List.of();
        }
        if (given instanceof Collection<?> values) {
            return new ArrayList<>(values);
        }
        if (given instanceof Object[] values) {
            return Arrays.asList(values);
        }
        return List.of(given);
    }

    private long rowsBefore(Message message, String option) {
        String token = message.getHeader(TwilioConnectorConstants.PAGE_TOKEN, String.class);
        token = token != null ? token : option;
        if (token == null || token.isBlank()) {
            return 0;
        }
        try {
            long rows = Long.parseLong(token.trim());
            if (rows >= 0) {
                return rows;
            }
        } catch (NumberFormatException notRows) {
            // reported below, as any token that is no count of rows
        }
        throw new TwilioConnectorInputException("pageToken '" + token + "' is not one of action " + action.name()
                + ": allowed the " + TwilioConnectorConstants.NEXT_PAGE_TOKEN + " of the page before, a number of rows"
                + " (e.g. 25)");
    }
}
