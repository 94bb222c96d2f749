package dev.twilioconnector;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.operation.ConnectorRequest;
import dev.twilioconnector.operation.OperationRunner;
import dev.twilioconnector.poll.TwilioConnectorPollingConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reach Twilio's REST API as entities: List, Get, Create, Update and Delete records of Messages,
 * Calls, Recordings, IncomingPhoneNumbers and every other resource of the 2010-04-01 API. As the start
 * of a route, {@code <Entity>/List} polls for new and changed records, and {@code webhook/<path>}
 * receives Twilio's webhooks: {@link TwilioConnectorWebhookEndpoint}, which shares this class's options, as does
 * {@link TwilioConnectorActionEndpoint} for {@code actions/<Action>}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "twilio-connector", title = "Twilio Connector",
             syntax = "twilio-connector:entity/operation",
             category = { Category.CLOUD, Category.API, Category.MOBILE }, headersClass = TwilioConnectorConstants.class)
public class TwilioConnectorEndpoint extends ScheduledPollEndpoint {

    /** Polling a SaaS every 500 ms (Camel's default) would spend the connection's throttle on empty polls. */
    static final long DEFAULT_POLL_DELAY = 10_000;

    @UriPath(description = "The entity: Messages, Calls, Recordings, ... of the 2010 API, or Product.Resource of the"
            + " other products, e.g. Verify.Verifications (docs/entities/README.md lists them all); webhook to receive Twilio's webhooks at the path that follows, or actions to run the action that follows.")
    @Metadata(required = true)
    private String entity;

    @UriPath(description = "The operation on the entity: List, Get, Create, Update or Delete; List as a consumer polls for new"
            + " and changed records. After webhook: the path Twilio posts to, below the HTTP server's root. After actions:"
            + " the action, e.g. SendMessage (docs/actions.md lists them).")
    @Metadata(required = true)
    private String operation;

    // declared again only so that Camel's metadata and tooling show this endpoint's default, not the 500 ms of
    // ScheduledPollEndpoint, which keeps the value the scheduler reads
    @UriParam(defaultValue = "" + DEFAULT_POLL_DELAY, javaType = "java.time.Duration", label = "consumer,scheduler",
              description = "Milliseconds before the next poll.")
    private long delay = DEFAULT_POLL_DELAY;

    @UriParam
    private TwilioConnectorConfiguration configuration;

    private Entity resolvedEntity;
    private Operation resolvedOperation;

    /** Resolves the entity and operation, so a route with a bad URI fails when it starts, before any request. */
    public TwilioConnectorEndpoint(String uri, TwilioConnectorComponent component, TwilioConnectorConfiguration configuration,
                                   String entityName, String operationLabel) {
        this(uri, component, configuration);
        Operation op = Operation.fromLabel(operationLabel).orElseThrow(() -> new TwilioConnectorInputException(
                "Unknown operation '" + operationLabel + "'. Operations: List, Get, Create, Update, Delete"));
        this.resolvedEntity = Catalog.standard().require(entityName, op);
        this.resolvedOperation = op;
        this.entity = resolvedEntity.name();
        this.operation = op.label();
    }

    /** For the webhook endpoint, whose URI names neither an entity nor an operation. */
    TwilioConnectorEndpoint(String uri, TwilioConnectorComponent component, TwilioConnectorConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public TwilioConnectorComponent getComponent() {
        return (TwilioConnectorComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TwilioConnectorProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (resolvedOperation != Operation.LIST) {
            throw new TwilioConnectorInputException("twilio-connector:" + entity + "/" + operation + " cannot start a route:"
                    + " a consumer polls a List, e.g. twilio-connector:" + entity + "/List, or receives webhooks,"
                    + " twilio-connector:webhook/<path>");
        }
        if (resolvedEntity.timeField() == null || resolvedEntity.idField() == null) {
            throw new TwilioConnectorInputException(entity + " records carry no time field and id to keep a cursor on,"
                    + " so " + entity + "/List cannot be polled; poll it with a timer and twilio-connector:" + entity + "/List");
        }
        TwilioConnectorPollingConsumer consumer = new TwilioConnectorPollingConsumer(this, processor, resolvedEntity,
                configuration.getFilterClause(), this::runner, getComponent().mapper(),
                new TwilioConnectorPollingConsumer.CursorPlace(stateRepository(), configuration.getStateFile(),
                        configuration.getStateKey()),
                configuration.getLookback(), since(Clock.systemUTC()), Clock.systemUTC());
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        consumer.setStreamPageSize(streamPageSize());
        consumer.setClustering(configuration.isClustered(), configuration.getClusterNamespace());
        configureConsumer(consumer);
        return consumer;
    }

    /** The endpoint's own repository; else, unless it names a file, the component's; else none (a file). */
    private StateRepository<String, String> stateRepository() {
        if (configuration.getStateRepository() != null) {
            return configuration.getStateRepository();
        }
        String file = configuration.getStateFile();
        return file == null || file.isBlank() ? getComponent().getConfiguration().getStateRepository() : null;
    }

    private Instant since(Clock clock) {
        String since = configuration.getSince();
        if (since == null || since.isBlank()) {
            return null;
        }
        String text = since.trim();
        if ("now".equalsIgnoreCase(text)) {
            return clock.instant();
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new TwilioConnectorInputException("since '" + since + "' is not a date: allowed an ISO-8601 date (2024-06-01),"
                    + " a date-time (2024-06-01T10:00:00Z) or now");
        }
    }

    /** The page size of streamResults and of the polling consumer, checked before any request. */
    public int streamPageSize() {
        int size = configuration.getStreamPageSize();
        if (size < 1 || size > ConnectorRequest.MAX_PAGE_SIZE) {
            throw new TwilioConnectorInputException("streamPageSize " + size + " is out of range: allowed 1.."
                    + ConnectorRequest.MAX_PAGE_SIZE);
        }
        return size;
    }

    /** Every request of the endpoint goes through the connection's runner, available once the component started. */
    public OperationRunner runner() {
        return getComponent().connection().runner();
    }

    Entity resolvedEntity() {
        return resolvedEntity;
    }

    Operation resolvedOperation() {
        return resolvedOperation;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    /** Milliseconds before the next poll. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    public TwilioConnectorConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TwilioConnectorConfiguration configuration) {
        this.configuration = configuration;
    }
}
