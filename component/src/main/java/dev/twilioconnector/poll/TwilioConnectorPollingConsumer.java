package dev.twilioconnector.poll;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.filter.Expression;
import dev.twilioconnector.filter.FilterClause;
import dev.twilioconnector.headers.TwilioConnectorConstants;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls an entity's List and delivers each record once, oldest first, as one exchange; with a lookback window,
 * also delivers recent records again when their content changed. The cursor moves past a record only when its
 * exchange completed, and is saved in the state repository at once, so a restart continues where it stopped.
 * A failed exchange ends the batch: the next poll reads it again, unless the route's error handler took it.
 * What a restart needs to deliver each record once is saved after every record; the fingerprints of the lookback
 * window once per poll (see {@link CursorStore}).
 *
 * <p><b>Leader only.</b> When the CamelContext has a {@link org.apache.camel.cluster.CamelClusterService} and
 * {@code clustered} is on (the default), the poller joins the view of its namespace (the route id unless
 * {@code clusterNamespace} names one) and polls only while this node leads it; it stops after the record in hand
 * when the lead goes elsewhere, and reloads the cursor from the state repository before its first poll as leader,
 * since another node may have moved it. A switch on the consumer rather than Camel's {@code master:} endpoint or
 * {@code ClusteredRoutePolicy}: a route that uses either fails to start without a cluster service, and one node
 * must need nothing new; and every List poller is leader-only on several nodes without its route changing.
 *
 * <p><b>No record lost or doubled at a failover.</b> Before a poll hands out its batch, it saves which records it
 * hands out (one write per poll, beside the cursor). A poller that loads a cursor with records handed out but
 * never committed (the node was killed, or lost the lead, while delivering them) delivers them again with header
 * {@code CamelTwilioConnectorRedelivered=true}: the record in hand at the crash may have reached the route, and
 * an idempotent sink takes it once. When the cursor cannot be saved after a record's exchange completed (the
 * database is lost), the batch ends there and the cursor is reloaded from the repository by the next poll, which
 * fails until the database is back; the scheduler keeps trying, so the node recovers by itself, and the cursor
 * never moves past the record whose move was not saved: that record comes again, never lost.
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
    private PollCursor cursor;
    /** Set when the cursor in memory may differ from the stored one: the next poll loads it again. */
    private volatile boolean cursorStale = true;
    private int streamPageSize = ConnectorRequest.MAX_PAGE_SIZE;
    private boolean clustered = true;
    private String clusterNamespace;
    private LeaderOnly leaderOnly;

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

    /** Whether the poller polls only on the leader of its namespace when the context has a cluster service. */
    public void setClustering(boolean clustered, String clusterNamespace) {
        this.clustered = clustered;
        this.clusterNamespace = clusterNamespace;
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
        cursorStale = true;
        if (clustered) {
            String namespace = clusterNamespace != null && !clusterNamespace.isBlank() ? clusterNamespace : routeId;
            leaderOnly = LeaderOnly.join(getEndpoint().getCamelContext(), namespace, () -> cursorStale = true).orElse(null);
        }
        if (leaderOnly == null) {
            // a poller on its own loads its cursor at once, so that one that cannot be read stops the route's start
            cursor = store.load(since);
            cursorStale = false;
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (leaderOnly != null) {
            leaderOnly.release();
            leaderOnly = null;
        }
        if (ownsRepository) {
            ServiceHelper.stopService(repository);
        }
    }

    /** Polls only on the leader of the namespace, when there is a cluster service. */
    @Override
    protected boolean isPollAllowed() {
        if (!leading()) {
            // whoever leads moves the cursor: when this node leads again, its first poll loads it afresh
            cursorStale = true;
            return false;
        }
        return super.isPollAllowed();
    }

    /** Stops a batch after the record in hand when this node no longer leads. */
    @Override
    public boolean isBatchAllowed() {
        return super.isBatchAllowed() && leading();
    }

    private boolean leading() {
        return leaderOnly == null || leaderOnly.leading();
    }

    @Override
    protected int poll() throws Exception {
        if (cursorStale) {
            cursor = store.load(since);
            cursorStale = false;
        }
        PollCursor polled = cursor;
        List<RecordChange> changes = new ArrayList<>();
        for (RecordChange change : detector.changes(read(polled.readFrom(clock.instant(), lookbackMillis)), polled)) {
            if (change.delivered()) {
                changes.add(change);
            } else {
                polled.delivered(change.sid(), change.time(), change.fingerprint(), clock.instant(), lookbackMillis);
            }
        }
        int limit = maxMessagesPerPoll > 0 ? Math.min(maxMessagesPerPoll, changes.size()) : changes.size();
        List<RecordChange> handedOut = changes.subList(0, limit);
        Queue<Object> batch = new ArrayDeque<>(limit);
        for (RecordChange change : handedOut) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(change.record());
            exchange.getMessage().setHeader(TwilioConnectorConstants.CHANGE, change.kind());
            exchange.getMessage().setHeader(TwilioConnectorConstants.REDELIVERED, polled.wasHandedOut(change.sid()));
            exchange.getExchangeExtension().addOnCompletion(new Commit(polled, change));
            batch.add(exchange);
        }
        if (polled.handOut(sids(handedOut), sids(changes))) {
            save(store::saveEdge);
        }
        return processBatch(batch);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed() && !cursorStale; index++) {
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
        if (!cursorStale) {
            // the records after the one where the batch ended never reached the route
            cursor.notHandedOut(exchanges.stream().map(exchange -> sid((Exchange) exchange)).toList());
        }
        if (lookbackMillis > 0 && !cursorStale) {
            save(store::saveWindow);
        }
        return processed;
    }

    /** Saves the cursor, and if that fails leaves it to the next poll to load again what was stored. */
    private void save(Consumer<PollCursor> write) {
        try {
            write.accept(cursor);
        } catch (RuntimeException e) {
            cursorStale = true;
            throw e;
        }
    }

    private static List<String> sids(List<RecordChange> changes) {
        return changes.stream().map(RecordChange::sid).toList();
    }

    /** The SID of a record not yet handed to the route, so still as the poll made it. */
    private String sid(Exchange exchange) {
        return String.valueOf(exchange.getMessage().getBody(Map.class).get(entity.idField()));
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

        private final PollCursor polled;
        private final RecordChange change;

        Commit(PollCursor polled, RecordChange change) {
            this.polled = polled;
            this.change = change;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                store.saveEdge(polled.delivered(change.sid(), change.time(), change.fingerprint(), clock.instant(), lookbackMillis));
            } catch (RuntimeException e) {
                // the cursor in memory moved past a record whose move is not stored: it may not be used any more
                cursorStale = true;
                getExceptionHandler().handleException("The cursor could not be saved after " + entity.name() + " record "
                        + change.sid() + ": the batch ends here, and the next poll reloads the cursor from the state"
                        + " repository, so the record may come again but is never lost", exchange, e);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            // not committed: the record is read and delivered again by the next poll
        }
    }
}
