package dev.twilioconnector.sql;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.catalog.Entity;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;

import java.util.List;
import java.util.Map;

/**
 * Reads List pages by sending to the component's {@code <Entity>/List} endpoint, the way a route does, so every
 * page passes the connection's throttle, retries and circuit breaker and is counted like any other request.
 */
final class CamelListPages implements ListPages {

    /** Twilio's largest page: a scan reads as few pages as it can. */
    static final int PAGE_SIZE = 1000;

    private final ProducerTemplate producer;
    private final String componentName;

    CamelListPages(ProducerTemplate producer, String componentName) {
        this.producer = producer;
        this.componentName = componentName;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page read(Entity entity, String filterClause, String pageToken) {
        Exchange exchange = producer.request(componentName + ":" + entity.name() + "/List", request -> {
            request.getMessage().setHeader(TwilioConnectorConstants.PAGE_SIZE, PAGE_SIZE);
            request.getMessage().setHeader(TwilioConnectorConstants.FILTER_CLAUSE, filterClause);
            if (pageToken != null) {
                request.getMessage().setHeader(TwilioConnectorConstants.PAGE_TOKEN, pageToken);
            }
        });
        Exception failure = exchange.getException();
        if (failure != null) {
            throw failure instanceof RuntimeException runtime ? runtime : new RuntimeCamelException(failure);
        }
        List<Map<String, Object>> records = exchange.getMessage().getBody(List.class);
        String next = exchange.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class);
        return new Page(records == null ? List.of() : records, next);
    }
}
