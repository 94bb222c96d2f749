package dev.twilioconnector.action;

import dev.twilioconnector.catalog.Operation;
import dev.twilioconnector.error.TwilioConnectorStatusException;
import dev.twilioconnector.error.TwilioConnectorWaitTimeoutException;
import dev.twilioconnector.operation.ConnectorRequest;
import dev.twilioconnector.operation.OperationRunner;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a record again until it reaches the status waited for, fails, or the time is up. Each read is a Get
 * through the connection's runner, so it takes its turn at the throttle like any request; the pause between reads
 * doubles, from half a second to ten, so that a slow delivery costs a few requests, not one every half second.
 */
final class StatusPoller {

    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final OperationRunner operations;

    StatusPoller(OperationRunner operations) {
        this.operations = operations;
    }

    Map<String, Object> await(Action action, StatusWatch watch, Map<String, Object> record, StatusWait wait) {
        String idField = watch.entity().idField();
        String sid = String.valueOf(record.get(idField));
        long deadline = System.nanoTime() + wait.timeout().toNanos();
        long pause = FIRST_PAUSE.toNanos();
        Map<String, Object> current = record;
        while (true) {
            String status = String.valueOf(current.get(watch.field()));
            if (watch.reached().get(wait.status()).contains(status)) {
                return current;
            }
            if (watch.failed().contains(status)) {
                throw new TwilioConnectorStatusException(action.name(), watch.entity().name(), sid, status,
                        errorCode(current.get("ErrorCode")), current.get("ErrorMessage") == null ? null
                                : current.get("ErrorMessage").toString());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TwilioConnectorWaitTimeoutException(action.name(), watch.entity().name(), sid, wait.status(),
                        wait.timeout(), status);
            }
            sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_PAUSE.toNanos());
            current = read(watch, sid);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(StatusWatch watch, String sid) {
        return (Map<String, Object>) operations.run(new ConnectorRequest(watch.entity(), Operation.GET, sid, null,
                ConnectorRequest.DEFAULT_PAGE_SIZE, null, null, Map.of())).body();
    }

    private static Integer errorCode(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a status", e);
        }
    }
}
