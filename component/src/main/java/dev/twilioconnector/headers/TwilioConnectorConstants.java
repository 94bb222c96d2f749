package dev.twilioconnector.headers;

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

    @Metadata(label = "producer", description = "Set by an action (twilio-connector:actions/{Action}) that returns a record:"
            + " the SID of the record it made or read, e.g. the message of SendMessage. An action's inputs come from the body and from headers"
            + " named CamelTwilioConnector{Input}, e.g. CamelTwilioConnectorTo, which win over the body.", javaType = "String")
    public static final String SID = "CamelTwilioConnectorSid";

    @Metadata(label = "producer", description = "Set by an action that can wait for a status (SendMessage, MakeCall): the record's"
            + " status when the action returned, e.g. queued, sent, delivered, completed.", javaType = "String")
    public static final String STATUS = "CamelTwilioConnectorStatus";

    @Metadata(label = "producer", description = "Set by a download action (DownloadRecording, DownloadMedia): the content's"
            + " type as Twilio served it, e.g. audio/x-wav, audio/mpeg, image/jpeg. Camel's Content-Type header is set"
            + " to it too.", javaType = "String")
    public static final String CONTENT_TYPE = "CamelTwilioConnectorContentType";

    @Metadata(label = "producer", description = "Set by a download action (DownloadRecording, DownloadMedia): the"
            + " content's length in bytes, absent when Twilio did not tell it.", javaType = "Long")
    public static final String CONTENT_LENGTH = "CamelTwilioConnectorContentLength";
    @Metadata(label = "producer", description = "The values of the ? parameters of action ExecuteCustomQuery's SQL, in"
            + " order: a List (one value alone stands for a List of it).", javaType = "java.util.List<Object>")
    public static final String QUERY_PARAMETERS = "CamelTwilioConnectorQueryParameters";

    @Metadata(label = "consumer", description = "Set by the polling consumer: created for a record it delivers for the first time,"
            + " updated for a record of the lookback window whose content changed since it was delivered.", javaType = "String")
    public static final String CHANGE = "CamelTwilioConnectorChange";

    @Metadata(label = "consumer", description = "Set by the polling consumer: true for a record that was handed to the route"
            + " before without being committed (by a node that stopped, crashed or lost the lead of its cluster namespace,"
            + " or by a poll whose exchange failed), so it may have reached the route already; false otherwise. An"
            + " idempotent sink takes such a record once.", javaType = "Boolean")
    public static final String REDELIVERED = "CamelTwilioConnectorRedelivered";

    @Metadata(label = "consumer", description = "Set by a webhook consumer: the entity the request is about (Messages or Calls),"
            + " absent when the request names neither a MessageSid nor a CallSid.", javaType = "String")
    public static final String WEBHOOK_ENTITY = "CamelTwilioConnectorWebhookEntity";

    @Metadata(label = "consumer", description = "Set by the route of a webhook consumer: the TwiML answered to Twilio,"
            + " in place of the endpoint's webhookResponse.", javaType = "String")
    public static final String TWIML = "CamelTwilioConnectorTwiml";

    private TwilioConnectorConstants() {
    }
}
