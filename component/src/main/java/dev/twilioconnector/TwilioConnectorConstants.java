package dev.twilioconnector;

import org.apache.camel.spi.Metadata;

/** The message headers the component reads and writes. Header values win over endpoint options. */
public final class TwilioConnectorConstants {

    @Metadata(description = "The record's id (SID) for Get, Update and Delete.", javaType = "String")
    public static final String ENTITY_ID = "CamelTwilioConnectorEntityId";

    @Metadata(description = "SQL-like condition for List, Update and Delete, e.g. Status = 'delivered' AND DateSent >= '2024-06-01'.",
              javaType = "String")
    public static final String FILTER_CLAUSE = "CamelTwilioConnectorFilterClause";

    @Metadata(description = "Records per List page, 1 to 1000.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelTwilioConnectorPageSize";

    @Metadata(description = "Where a List continues: the previous page's CamelTwilioConnectorNextPageToken.", javaType = "String")
    public static final String PAGE_TOKEN = "CamelTwilioConnectorPageToken";

    @Metadata(description = "Ordering of a List, e.g. DateCreated DESC, Sid.", javaType = "String")
    public static final String SORT_BY_COLUMNS = "CamelTwilioConnectorSortByColumns";

    @Metadata(description = "Set by a List when more records follow: pass it as pageToken to read the next page. Absent on the last page.",
              javaType = "String")
    public static final String NEXT_PAGE_TOKEN = "CamelTwilioConnectorNextPageToken";

    private TwilioConnectorConstants() {
    }
}
