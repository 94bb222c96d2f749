package dev.twilioconnector.sql;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.operation.ConnectorRequest;
import dev.twilioconnector.operation.ConnectorResult;
import dev.twilioconnector.operation.OperationRunner;

import java.util.List;
import java.util.Map;

/**
 * Reads List pages with an endpoint's own runner, as its List producer does: the pages of an action's query take
 * that endpoint's connection, throttle, retries and circuit breaker.
 */
final class RunnerListPages implements ListPages {

    private final OperationRunner runner;

    RunnerListPages(OperationRunner runner) {
        this.runner = runner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page read(Entity entity, String filterClause, String pageToken) {
        ConnectorResult result = runner.run(new ConnectorRequest(entity, Operation.LIST, null, filterClause,
                CamelListPages.PAGE_SIZE, pageToken, null, Map.of()));
        List<Map<String, Object>> records = (List<Map<String, Object>>) result.body();
        return new Page(records == null ? List.of() : records, result.nextPageToken());
    }
}
