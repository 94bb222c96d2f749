package dev.twilioconnector.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.TwilioConnectorConstants;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.filter.Expression;
import dev.twilioconnector.filter.FilterClause;
import dev.twilioconnector.operation.ConnectorRequest;
import dev.twilioconnector.operation.ConnectorResult;
import dev.twilioconnector.operation.OperationRunner;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.CastUtils;

import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Polls an entity's List and delivers each record once, oldest first, as one exchange; with a lookback window,
 * also delivers recent records again when their content changed. The cursor moves past a record only when its
 * exchange completed, and is saved in the state repository at once, so a restart continues where it stopped.
 * A failed exchange ends the batch: the next poll reads it again, unless the route's error handler took it.
 * What a restart needs to deliver each record once is saved after every record; the fingerprints of the lookback
 * window once per poll (see {@link CursorStore}).
 */
public class TwilioConnectorPollingConsumer extends ScheduledBatchPollingConsumer {

    private final Entity entity;
    private final String filterClause;
    private final Supplier<OperationRunner> runner;
    private final ChangeDetector detector;
    private final CursorPlace place;
    private final long lookbackMillis;
    private final Instant since;
    private final Clock clock;
    private final ObjectMapper mapper;
    private StateRepository<String, String> repository;
    private boolean ownsRepository;
    private CursorStore store;
    private volatile PollCursor cursor;
    private int streamPageSize = ConnectorRequest.MAX_PAGE_SIZE;

    /**
     * Where a poller keeps its cursor: a repository bean, or else a file; under a key, or else one made of the
     * route id and the entity.
     */
    public record CursorPlace(StateRepository<String, String> repository, String file, String key) {
    }

    /** @param since where a poller without a stored cursor starts; null for the oldest record */
    public TwilioConnectorPollingConsumer(Endpoint endpoint, Processor processor, Entity entity, String filterClause,
                                          Supplier<OperationRunner> runner, ObjectMapper mapper, CursorPlace place,
                                          long lookbackMillis, Instant since, Clock clock) {
        super(endpoint, processor);
        this.entity = entity;
        this.filterClause = filterClause == null ? "" : filterClause.trim();
        this.runner = runner;
        this.mapper = mapper;
        this.detector = new ChangeDetector(entity, mapper, lookbackMillis > 0);
        this.place = place;
        this.lookbackMillis = lookbackMillis;
        this.since = since;
        this.clock = clock;
    }

    /** Records per List page that a poll reads. */
    public void setStreamPageSize(int streamPageSize) {
        this.streamPageSize = streamPageSize;
    }

    @Override
    protected void doStart() throws Exception {
        String routeId = getRouteId() == null ? "route" : getRouteId();
        ownsRepository = place.repository() == null;
        if (ownsRepository) {
            String file = place.file() != null && !place.file().isBlank() ? place.file()
                    : "twilio-connector-state/" + routeId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".state";
            repository = FileStateRepository.fileStateRepository(new File(file));
        } else {
            repository = place.repository();
        }
        ServiceHelper.startService(repository);
        String key = place.key() != null && !place.key().isBlank() ? place.key() : routeId + "/" + entity.name();
        store = new CursorStore(repository, key, mapper);
        cursor = store.load(since);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownsRepository) {
            ServiceHelper.stopService(repository);
        }
    }

    @Override
    protected int poll() throws Exception {
        List<RecordChange> changes = new ArrayList<>();
        for (RecordChange change : detector.changes(read(cursor.readFrom(clock.instant(), lookbackMillis)), cursor)) {
            if (change.delivered()) {
                changes.add(change);
            } else {
                cursor.delivered(change.sid(), change.time(), change.fingerprint(), clock.instant(), lookbackMillis);
            }
        }
        int limit = maxMessagesPerPoll > 0 ? Math.min(maxMessagesPerPoll, changes.size()) : changes.size();
        Queue<Object> batch = new ArrayDeque<>(limit);
        for (RecordChange change : changes.subList(0, limit)) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(change.record());
            exchange.getMessage().setHeader(TwilioConnectorConstants.CHANGE, change.kind());
            exchange.getExchangeExtension().addOnCompletion(new Commit(change));
            batch.add(exchange);
        }
        return processBatch(batch);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            boolean failed = exchange.isFailed();
            if (failed) {
                getExceptionHandler().handleException("Delivering a " + entity.name()
                        + " record failed; the next poll delivers it again", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
            if (failed) {
                // the cursor may not pass a record that was not processed: the rest waits for the next poll
                break;
            }
            processed++;
        }
        pendingExchanges = 0;
        if (lookbackMillis > 0) {
            store.saveWindow(cursor);
        }
        return processed;
    }

    private List<Map<String, Object>> read(Instant from) {
        String clause = clauseFrom(from);
        List<Map<String, Object>> records = new ArrayList<>();
        String pageToken = null;
        do {
            ConnectorResult page = runner.get().run(new ConnectorRequest(entity, Operation.LIST, null, clause,
                    streamPageSize, pageToken, null, Map.of()));
            records.addAll(CastUtils.cast((List<?>) page.body()));
            pageToken = page.nextPageToken();
        } while (pageToken != null && isRunAllowed());
        return records;
    }

    /** The user's condition and the time bound, joined so that the planner still sends both conjuncts to Twilio. */
    String clauseFrom(Instant from) {
        if (from == null) {
            return filterClause;
        }
        String bound = entity.timeField() + " >= '" + from + "'";
        if (filterClause.isEmpty()) {
            return bound;
        }
        boolean topLevelOr = FilterClause.parse(filterClause, entity).expression()
                .filter(expression -> expression instanceof Expression.Or).isPresent();
        return (topLevelOr ? "(" + filterClause + ")" : filterClause) + " AND " + bound;
    }

    /** Moves the cursor past a record once its exchange completed, and saves it before the next is delivered. */
    private final class Commit implements Synchronization {

        private final RecordChange change;

        Commit(RecordChange change) {
            this.change = change;
        }

        @Override
        public void onComplete(Exchange exchange) {
            store.saveEdge(cursor.delivered(change.sid(), change.time(), change.fingerprint(), clock.instant(), lookbackMillis));
        }

        @Override
        public void onFailure(Exchange exchange) {
            // not committed: the record is read and delivered again by the next poll
        }
    }
}
