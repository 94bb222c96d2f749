package dev.twilioconnector.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes the steps of the {@link StatusProgression}: a record created with the first status of its resource's
 * {@code lifecycle} moves to the next one after a step, and so on to the last, on one timer thread of its own.
 */
final class StatusAdvancer implements AutoCloseable {

    private static final String STATUS = "status";

    private final Store store;
    private final Behaviours behaviours;
    private final StatusProgression progression;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "twilio-sandbox-status");
        thread.setDaemon(true);
        return thread;
    });

    StatusAdvancer(Store store, Behaviours behaviours, StatusProgression progression) {
        this.store = store;
        this.behaviours = behaviours;
        this.progression = progression;
    }

    /** A record was created in {@code scope}: it starts on its lifecycle if it has one and stands at its start. */
    void created(ResourceType type, String scope, Map<String, Object> record) {
        List<String> lifecycle = type.lifecycle();
        if (!lifecycle.isEmpty() && lifecycle.get(0).equals(record.get(STATUS))) {
            schedule(type, scope, String.valueOf(record.get(type.id())), 0);
        }
    }

    private void schedule(ResourceType type, String scope, String id, int from) {
        progression.step().ifPresent(step -> timer.schedule(() -> advance(type, scope, id, from),
                step.toNanos(), TimeUnit.NANOSECONDS));
    }

    private void advance(ResourceType type, String scope, String id, int from) {
        List<String> lifecycle = type.lifecycle();
        String next = lifecycle.get(from + 1);
        AtomicBoolean moved = new AtomicBoolean();
        store.update(scope, type.collection(), id, record -> {
            if (progression.step().isPresent() && lifecycle.get(from).equals(record.get(STATUS))) {
                Instant now = Instant.now();
                record.put(STATUS, next);
                if (record.containsKey("date_updated")) {
                    record.put("date_updated", now);
                }
                behaviours.onStatus(type, record, now);
                moved.set(true);
            }
            return record;
        });
        if (moved.get() && from + 2 < lifecycle.size()) {
            schedule(type, scope, id, from + 1);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
