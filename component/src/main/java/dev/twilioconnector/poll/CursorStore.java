package dev.twilioconnector.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.spi.StateRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a poller's cursor in a Camel {@link StateRepository}, as JSON text, so that any repository (a file, a
 * database, a cache shared by nodes) can hold it. Two entries: under the key, the cursor and the records at its
 * edge, small and written after every record; under key + {@code /window}, the fingerprints of the lookback
 * window, written once per poll. After a stop between the two, records of the window that the second entry
 * misses count as delivered: none is delivered twice, and their changes are noticed from their next one.
 * The first entry also lists the records handed to the route and not yet committed (see {@link PollCursor#inFlight()}).
 */
public final class CursorStore {

    private static final String WINDOW = "/window";

    private final StateRepository<String, String> repository;
    private final String key;
    private final ObjectMapper mapper;

    public CursorStore(StateRepository<String, String> repository, String key, ObjectMapper mapper) {
        this.repository = repository;
        this.key = key;
        this.mapper = mapper;
    }

    /** The stored cursor, or a fresh one starting at {@code start} when none is stored. */
    public PollCursor load(Instant start) {
        String text = repository.getState(key);
        if (text == null || text.isBlank()) {
            return PollCursor.startingAt(start);
        }
        try {
            JsonNode edge = mapper.readTree(text);
            Instant time = instant(edge.get("time"));
            Instant completeFrom = instant(edge.get("completeFrom"));
            Map<String, PollCursor.Seen> seen = new LinkedHashMap<>();
            String windowText = repository.getState(key + WINDOW);
            JsonNode window = windowText == null || windowText.isBlank() ? null : mapper.readTree(windowText);
            if (window != null) {
                seen.putAll(entries(window.path("seen")));
            }
            seen.putAll(entries(edge.path("edge")));
            boolean windowCurrent = window != null && time != null && time.equals(instant(window.get("time")));
            if (!windowCurrent && time != null && (completeFrom == null || completeFrom.isBefore(time))) {
                completeFrom = time;
            }
            List<String> inFlight = new ArrayList<>();
            edge.path("inFlight").forEach(sid -> inFlight.add(sid.asText()));
            return new PollCursor(time, completeFrom, seen, inFlight);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("The stored cursor under key '" + key + "' cannot be read: " + e.getMessage()
                    + "; remove it from the state repository to start again from the beginning", e);
        }
    }

    /** Saves the cursor, the records at its edge and those in flight: what exactly-once delivery needs. */
    public void saveEdge(PollCursor cursor) {
        ObjectNode json = mapper.createObjectNode();
        json.put("time", text(cursor.time()));
        json.put("completeFrom", text(cursor.completeFrom()));
        ArrayNode edge = json.putArray("edge");
        cursor.edge().forEach((sid, entry) -> add(edge, sid, entry));
        Set<String> inFlight = cursor.inFlight();
        if (!inFlight.isEmpty()) {
            ArrayNode sids = json.putArray("inFlight");
            inFlight.forEach(sids::add);
        }
        repository.setState(key, json.toString());
    }

    /** Saves the fingerprints of the whole lookback window, then the edge. */
    public void saveWindow(PollCursor cursor) {
        ObjectNode json = mapper.createObjectNode();
        json.put("time", text(cursor.time()));
        ArrayNode seen = json.putArray("seen");
        cursor.seen().forEach((sid, entry) -> add(seen, sid, entry));
        repository.setState(key + WINDOW, json.toString());
        saveEdge(cursor);
    }

    private static void add(ArrayNode array, String sid, PollCursor.Seen entry) {
        array.addArray().add(sid).add(entry.time().toString()).add(entry.fingerprint());
    }

    private static Map<String, PollCursor.Seen> entries(JsonNode array) {
        Map<String, PollCursor.Seen> entries = new LinkedHashMap<>();
        for (JsonNode entry : array) {
            entries.put(entry.get(0).asText(), new PollCursor.Seen(Instant.parse(entry.get(1).asText()), entry.get(2).asText()));
        }
        return entries;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }
}
