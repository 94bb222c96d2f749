package dev.twilioconnector.operation;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;

import java.util.Map;

/**
 * One operation on one entity, with its inputs as DESIGN.md names them.
 *
 * @param entityId      the record's id, for Get, Update and Delete; may be null
 * @param filterClause  the condition, for List, Update and Delete; may be null
 * @param pageSize      records per List page, 1..1000
 * @param pageToken     where a List continues, as returned in the previous page's token; may be null
 * @param sortByColumns ordering of a List ({@code DateCreated DESC, Sid}); may be null
 * @param payload       the fields to create or update (connectorInputPayload); never null
 */
public record ConnectorRequest(Entity entity, Operation operation, String entityId, String filterClause,
                               int pageSize, String pageToken, String sortByColumns, Map<String, Object> payload) {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 1000;

    public ConnectorRequest {
        payload = payload == null ? Map.of() : payload;
    }

    String purpose() {
        return entity.name() + ' ' + operation.label();
    }
}
