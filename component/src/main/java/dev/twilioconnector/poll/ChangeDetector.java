package dev.twilioconnector.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.catalog.Entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Decides which records of a read a poller delivers, and in which order: oldest first by the entity's time
 * field, then by SID, so that the cursor only ever moves forward and records sharing a timestamp keep one order.
 */
public final class ChangeDetector {

    private final Entity entity;
    private final ObjectMapper mapper;
    private final boolean emitUpdates;

    /** @param emitUpdates whether a delivered record whose content changed is delivered again (lookback) */
    public ChangeDetector(Entity entity, ObjectMapper mapper, boolean emitUpdates) {
        this.entity = entity;
        this.mapper = mapper;
        this.emitUpdates = emitUpdates;
    }

    /** The records to deliver, oldest first, and with a lookback window those to remember without delivering. */
    public List<RecordChange> changes(List<Map<String, Object>> records, PollCursor cursor) {
        List<RecordChange> changes = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Instant time = timeOf(record);
            Object sid = record.get(entity.idField());
            if (time == null || sid == null) {
                // without a time the record has no place yet (a message not sent, a call not ended): a later poll sees it
                continue;
            }
            String id = sid.toString();
            String fingerprint = fingerprint(record);
            PollCursor.Seen seen = cursor.seen(id);
            if (seen != null) {
                if (emitUpdates && !seen.fingerprint().equals(fingerprint)) {
                    changes.add(new RecordChange(record, id, time, fingerprint, RecordChange.UPDATED));
                }
            } else if (isUnseen(time, cursor)) {
                changes.add(new RecordChange(record, id, time, fingerprint, RecordChange.CREATED));
            } else if (emitUpdates) {
                // delivered before the cursor kept its fingerprint, or before the poller started: only remembered, so
                // that a later change is noticed
                changes.add(new RecordChange(record, id, time, fingerprint, RecordChange.REMEMBERED));
            }
        }
        changes.sort(Comparator.comparing(RecordChange::time).thenComparing(RecordChange::sid));
        return changes;
    }

    /** A record the cursor does not know is new when it is past the cursor, or inside the part of the window it tracks. */
    private static boolean isUnseen(Instant time, PollCursor cursor) {
        if (cursor.time() == null || !time.isBefore(cursor.time())) {
            return true;
        }
        return cursor.completeFrom() == null || !time.isBefore(cursor.completeFrom());
    }

    Instant timeOf(Map<String, Object> record) {
        Object value = record.get(entity.timeField());
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    private String fingerprint(Map<String, Object> record) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(record));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a " + entity.name() + " record", e);
        }
    }
}
