package dev.twilioconnector;

import dev.twilioconnector.operation.ConnectorRequest;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The inputs of one operation that an endpoint can fix; a message header of the same name wins. */
@UriParams
public class TwilioConnectorConfiguration implements Cloneable {

    @UriParam(description = "The record's id (SID) for Get, Update and Delete, e.g. SM3ad97d41e786c02bca47c8ce1745053b.")
    private String entityId;

    @UriParam(description = "SQL-like condition for List, Update and Delete: = != <> < <= > >= LIKE IN IS [NOT] NULL, AND OR NOT,"
            + " parentheses. Conditions Twilio can evaluate are sent as query parameters, the rest are evaluated on each record."
            + " A bare SID means Sid = '<SID>'. Update and Delete refuse an empty condition.")
    private String filterClause;

    @UriParam(defaultValue = "" + ConnectorRequest.DEFAULT_PAGE_SIZE,
              description = "Records per List page, 1 to 1000.")
    private int pageSize = ConnectorRequest.DEFAULT_PAGE_SIZE;

    @UriParam(description = "Where a List continues: the CamelTwilioConnectorNextPageToken header of the previous page.")
    private String pageToken;

    @UriParam(description = "Ordering of a List: one or more columns, each optionally ASC or DESC, e.g. DateCreated DESC, Sid."
            + " A sorted List reads every matching record before returning the first page.")
    private String sortByColumns;

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getFilterClause() {
        return filterClause;
    }

    public void setFilterClause(String filterClause) {
        this.filterClause = filterClause;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getPageToken() {
        return pageToken;
    }

    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }

    public String getSortByColumns() {
        return sortByColumns;
    }

    public void setSortByColumns(String sortByColumns) {
        this.sortByColumns = sortByColumns;
    }

    public TwilioConnectorConfiguration copy() {
        try {
            return (TwilioConnectorConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
