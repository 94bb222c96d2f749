package dev.twilioconnector.poll;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a poller stands: the time of the newest record delivered, and the records delivered that it must
 * recognise when it reads them again. Those are the records at the cursor's edge (they share its timestamp, and
 * the next read starts at it, inclusive) and, with a lookback window, every record delivered inside the window,
 * each with a fingerprint so that a change is noticed. Changed in place, one record at a time, in constant time
 * per record: a window can hold many thousands of records.
 *
 * <p>It also knows the records handed to the route but not yet committed (in flight): a poller that loads a cursor
 * holding some was stopped, or killed, while delivering them, so they may have reached the route already.
 */
public final class PollCursor {

    /** One delivered record: its time field and a fingerprint of its content. */
    public record Seen(Instant time, String fingerprint) {
    }

    private Instant time;
    private Instant completeFrom;
    private final LinkedHashMap<String, Seen> seen;
    private final LinkedHashMap<String, Seen> edge = new LinkedHashMap<>();
    private final LinkedHashSet<String> inFlight;

    /**
     * @param time         the time field of the newest record delivered; null before the first
     * @param completeFrom records at or after this time are all in {@code seen} if they were delivered; older ones
     *                     are not delivered again (they fell out of a narrower window, or predate the poller)
     * @param seen         SID to what was delivered, in delivery order
     */
    public PollCursor(Instant time, Instant completeFrom, Map<String, Seen> seen) {
        this(time, completeFrom, seen, Set.of());
    }

    /** @param inFlight SIDs of the records handed to the route and not committed */
    public PollCursor(Instant time, Instant completeFrom, Map<String, Seen> seen, Collection<String> inFlight) {
        this.time = time;
        this.completeFrom = completeFrom;
        this.seen = new LinkedHashMap<>(seen);
        this.inFlight = new LinkedHashSet<>(inFlight);
        seen.forEach((sid, entry) -> {
            if (entry.time().equals(time)) {
                edge.put(sid, entry);
            }
        });
    }

    /** A poller that has delivered nothing, starting at {@code start} (null: from the oldest record). */
    public static PollCursor startingAt(Instant start) {
        return new PollCursor(start, start, Map.of());
    }

    public synchronized Instant time() {
        return time;
    }

    public synchronized Instant completeFrom() {
        return completeFrom;
    }

    /** A snapshot of the records it recognises, SID to what was delivered, in delivery order. */
    public synchronized Map<String, Seen> seen() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(seen));
    }

    /** The records delivered at the cursor's time, which the next read meets again. */
    public synchronized Map<String, Seen> edge() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(edge));
    }

    /** The records handed to the route and not committed, in the order they were handed out. */
    public synchronized Set<String> inFlight() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(inFlight));
    }

    /** Whether the record was handed to the route before and never committed: it may have reached the route. */
    public synchronized boolean wasHandedOut(String sid) {
        return inFlight.contains(sid);
    }

    /**
     * Notes a batch handed to the route. Earlier records still in flight stay so while the poll still has them to
     * deliver (a later batch takes them), and are forgotten otherwise (they no longer match, or were deleted).
     *
     * @return whether what is in flight changed, and so must be saved
     */
    public synchronized boolean handOut(Collection<String> batch, Collection<String> due) {
        Set<String> before = new LinkedHashSet<>(inFlight);
        inFlight.retainAll(due);
        inFlight.addAll(batch);
        return !before.equals(inFlight);
    }

    /** Takes back records of a batch that the route never received: the batch ended before them. */
    public synchronized void notHandedOut(Collection<String> sids) {
        inFlight.removeAll(sids);
    }

    synchronized Seen seen(String sid) {
        return seen.get(sid);
    }

    /**
     * Where the next read starts: the cursor itself, or earlier by the lookback window so that changes to recent
     * records are seen. Null reads every record.
     */
    public synchronized Instant readFrom(Instant now, long lookbackMillis) {
        return readFrom(time, now, lookbackMillis);
    }

    private static Instant readFrom(Instant time, Instant now, long lookbackMillis) {
        if (time == null || lookbackMillis <= 0) {
            return time;
        }
        Instant windowStart = now.minusMillis(lookbackMillis);
        return windowStart.isBefore(time) ? windowStart : time;
    }

    /**
     * Records one more delivered (or remembered) record, and forgets the oldest ones that a later read can no
     * longer meet: those before the new edge, or before the lookback window.
     *
     * @return this cursor
     */
    public synchronized PollCursor delivered(String sid, Instant recordTime, String fingerprint, Instant now, long lookbackMillis) {
        if (time == null || recordTime.isAfter(time)) {
            time = recordTime;
            edge.clear();
        }
        inFlight.remove(sid);
        Seen entry = new Seen(recordTime, fingerprint);
        // a record delivered again as an update keeps its place: its time does not change, so the order holds
        seen.put(sid, entry);
        if (recordTime.equals(time)) {
            edge.put(sid, entry);
        }
        Instant keepFrom = readFrom(time, now, lookbackMillis);
        // records are delivered oldest first, so the oldest entries are at the head: stop at the first one kept
        Iterator<Seen> oldest = seen.values().iterator();
        while (oldest.hasNext()) {
            if (!oldest.next().time().isBefore(keepFrom)) {
                break;
            }
            oldest.remove();
        }
        if (completeFrom == null || keepFrom.isAfter(completeFrom)) {
            completeFrom = keepFrom;
        }
        return this;
    }

    @Override
    public synchronized String toString() {
        return "PollCursor[time=" + time + ", completeFrom=" + completeFrom + ", seen=" + seen.size() + " records, inFlight=" + inFlight.size() + "]";
    }
}
