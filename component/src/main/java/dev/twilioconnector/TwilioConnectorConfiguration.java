package dev.twilioconnector;

import dev.twilioconnector.operation.ConnectorRequest;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The inputs of one operation that an endpoint can fix; a message header of the same name wins. */
@UriParams
public class TwilioConnectorConfiguration {

    @UriParam(description = "The record's id (SID) for Get, Update and Delete, e.g. SM3ad97d41e786c02bca47c8ce1745053b.")
    private String entityId;

    @UriParam(description = "SQL-like condition for List, Update and Delete: equality, inequality and ordering"
            + " comparisons, LIKE, IN, IS NULL, IS NOT NULL, AND, OR, NOT, parentheses (the README lists the operators). Conditions Twilio can evaluate are sent as query parameters, the rest are evaluated on each record."
            + " A bare SID means Sid = '{SID}'. Update and Delete refuse an empty condition.")
    private String filterClause;

    @UriParam(defaultValue = "" + ConnectorRequest.DEFAULT_PAGE_SIZE,
              description = "Records per List page, 1 to 1000.")
    private int pageSize = ConnectorRequest.DEFAULT_PAGE_SIZE;

    @UriParam(description = "Where a List continues: the CamelTwilioConnectorNextPageToken header of the previous page.")
    private String pageToken;

    @UriParam(description = "Ordering of a List: one or more columns, each optionally ASC or DESC, e.g. DateCreated DESC, Sid."
            + " A sorted List reads every matching record before returning the first page.")
    private String sortByColumns;

    @UriParam(label = "producer", defaultValue = "false",
              description = "For List: return an Iterator that reads Twilio's pages of 1000 records lazily, fetching the next page"
                      + " while the current one is processed, instead of one page as a List. Use with the Split EIP and"
                      + " streaming to process a List of any size in constant memory; pageSize and pageToken are ignored (see streamPageSize).")
    private boolean streamResults;

    @UriParam(defaultValue = "" + ConnectorRequest.MAX_PAGE_SIZE,
              description = "Records per page that streamResults=true and the polling consumer read, 1 to 1000: Twilio's"
                      + " largest page by default. Each page is one request through the node throttle, so smaller pages"
                      + " mean more requests for the same records.")
    private int streamPageSize = ConnectorRequest.MAX_PAGE_SIZE;

    @UriParam(label = "producer", defaultValue = "none", enums = "none,sent,delivered,completed",
              description = "For an action that can wait (actions/SendMessage: sent, delivered; actions/MakeCall: completed):"
                      + " return once Twilio reports the record in this status, reading it again with growing pauses (0.5 s"
                      + " doubling to 10 s), each read through the node throttle. Each action takes only the statuses its"
                      + " catalog entry declares (docs/actions.md); none returns the record as created. A record that ends in"
                      + " a failure status (a message failed, undelivered or canceled; a call busy, failed, no-answer or"
                      + " canceled) fails the exchange with a TwilioConnectorStatusException carrying Twilio's ErrorCode.")
    private String waitForStatus = "none";

    @UriParam(label = "producer", defaultValue = "120000", javaType = "java.time.Duration",
              description = "How long waitForStatus waits at most, e.g. 120s; then the exchange fails with a"
                      + " TwilioConnectorWaitTimeoutException that tells the last status seen.")
    private long waitTimeout = 120_000;

    @UriParam(label = "consumer", defaultValue = "0",
              description = "At most this many records per poll, oldest first; the rest follow in the next polls. 0: no limit.")
    private int maxMessagesPerPoll;

    @UriParam(label = "consumer", description = "Path of the file that keeps the polling consumer's cursor across restarts"
            + " (a Camel FileStateRepository). Default: the component's stateRepository when set, else"
            + " twilio-connector-state/{route id}.state in the working directory. Ignored when stateRepository is set.")
    private String stateFile;

    @UriParam(label = "consumer",
              description = "A Camel StateRepository bean that keeps the polling consumer's cursor, in place of stateFile.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "When the CamelContext has a cluster service (CamelClusterService, e.g. a file lock or a"
                      + " Kubernetes Lease), the polling consumer polls only on the node that leads its clusterNamespace"
                      + " and takes over from the shared cursor when that node goes; keep its cursor in a state"
                      + " repository that every node sees. Without a cluster service it polls on every node either way;"
                      + " false polls on every node even with one.")
    private boolean clustered = true;

    @UriParam(label = "consumer", description = "The cluster namespace whose leader polls, when clustered. Default: the"
            + " route id. Pollers that must run on one node together share a namespace.")
    private String clusterNamespace;

    @UriParam(label = "consumer", description = "The key of the polling consumer's cursor in the state repository."
            + " Default: {route id}/{Entity}. Two routes that must not share a cursor need different keys.")
    private String stateKey;

    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration",
              description = "How far back from now each poll reads records again, to deliver those whose content (a message's"
                      + " Status, a call's Price) changed since they were delivered, with header CamelTwilioConnectorChange=updated."
                      + " 0 delivers each record once only. Twilio cannot filter on update time, so the window is re-read on every"
                      + " poll: keep it as short as the changes you wait for, e.g. 1h for message delivery status.")
    private long lookback;

    @UriParam(label = "consumer", description = "Where a polling consumer without a stored cursor starts: an ISO-8601 date"
            + " (2024-06-01) or date-time (2024-06-01T10:00:00Z) on the entity's time field, or now."
            + " Default: the oldest record.")
    private String since;

    @UriParam(label = "consumer", description = "For twilio-connector:webhook/{path}: the public URL prefix Twilio calls,"
            + " e.g. https://example.com, used to check X-Twilio-Signature. Default: built from the request's Host"
            + " and X-Forwarded-Proto headers.")
    private String webhookBaseUrl;

    @UriParam(label = "consumer", defaultValue = "<Response/>",
              description = "For twilio-connector:webhook/{path}: the TwiML answered to Twilio after the route processed"
                      + " the request, unless the route sets header CamelTwilioConnectorTwiml.")
    private String webhookResponse = "<Response/>";

    @UriParam(label = "consumer,security", defaultValue = "true",
              description = "For twilio-connector:webhook/{path}: check X-Twilio-Signature with the connection's Auth Token and"
                      + " answer 403 to a request whose signature is missing or wrong. Turn off only behind a gateway"
                      + " that checks it.")
    private boolean validateSignature = true;

    @UriParam(label = "consumer,security", defaultValue = "10000",
              description = "For twilio-connector:webhook/{path}: how many of the latest requests' I-Twilio-Idempotency-Token"
                      + " (with their X-Twilio-Signature) are remembered, so that a request Twilio retries, or one replayed as"
                      + " it was, is answered 200 without reaching the route a second time. 0 remembers none; ignored when"
                      + " the component's webhookIdempotentRepository is set. The token is"
                      + " not part of the signature: serve the webhook over HTTPS so that requests cannot be captured.")
    private int webhookReplayCacheSize = 10_000;

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

    public boolean isStreamResults() {
        return streamResults;
    }

    public void setStreamResults(boolean streamResults) {
        this.streamResults = streamResults;
    }

    public int getStreamPageSize() {
        return streamPageSize;
    }

    public void setStreamPageSize(int streamPageSize) {
        this.streamPageSize = streamPageSize;
    }

    public String getWaitForStatus() {
        return waitForStatus;
    }

    public void setWaitForStatus(String waitForStatus) {
        this.waitForStatus = waitForStatus;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getStateFile() {
        return stateFile;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public long getLookback() {
        return lookback;
    }

    public void setLookback(long lookback) {
        this.lookback = lookback;
    }

    public boolean isClustered() {
        return clustered;
    }

    public void setClustered(boolean clustered) {
        this.clustered = clustered;
    }

    public String getClusterNamespace() {
        return clusterNamespace;
    }

    public void setClusterNamespace(String clusterNamespace) {
        this.clusterNamespace = clusterNamespace;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getWebhookBaseUrl() {
        return webhookBaseUrl;
    }

    public void setWebhookBaseUrl(String webhookBaseUrl) {
        this.webhookBaseUrl = webhookBaseUrl;
    }

    public int getWebhookReplayCacheSize() {
        return webhookReplayCacheSize;
    }

    public void setWebhookReplayCacheSize(int webhookReplayCacheSize) {
        this.webhookReplayCacheSize = webhookReplayCacheSize;
    }

    public String getWebhookResponse() {
        return webhookResponse;
    }

    public void setWebhookResponse(String webhookResponse) {
        this.webhookResponse = webhookResponse;
    }

    public boolean isValidateSignature() {
        return validateSignature;
    }

    public void setValidateSignature(boolean validateSignature) {
        this.validateSignature = validateSignature;
    }
}
