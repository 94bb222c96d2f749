package dev.twilioconnector.sql;

import dev.twilioconnector.catalog.Entity;

import java.util.List;
import java.util.Map;

/** Reads one page of an entity's List through the connection's call path. */
@FunctionalInterface
public interface ListPages {

    /**
     * @param filterClause the condition for Twilio, "" for none
     * @param pageToken    where the List continues, null for the first page
     */
    Page read(Entity entity, String filterClause, String pageToken);

    /**
     * @param records       the records of the page, as the connector presents them
     * @param nextPageToken where the List continues, null after the last page
     */
    record Page(List<Map<String, Object>> records, String nextPageToken) {
    }
}
