package dev.twilioconnector.sandbox;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The sandbox's workers, which note when each request arrived: at the moment the server's dispatcher, woken by
 * the request's first bytes, hands it to a worker. A worker may start on it milliseconds later on a busy machine,
 * and a log stamped there would show requests closer together than they were sent.
 */
final class ArrivalStampingExecutor implements Executor {

    /** When a request arrived: on the wall clock, and on {@link System#nanoTime()} for the time between two. */
    record Arrival(Instant at, long nanos) {

        static Arrival now() {
            return new Arrival(Instant.now(), System.nanoTime());
        }
    }

    private static final ThreadLocal<Arrival> CURRENT = new ThreadLocal<>();

    private final ExecutorService workers;

    ArrivalStampingExecutor(ExecutorService workers) {
        this.workers = workers;
    }

    /** When the request this worker is on arrived; now, on a thread that is not one of the workers. */
    static Arrival current() {
        Arrival arrival = CURRENT.get();
        return arrival != null ? arrival : Arrival.now();
    }

    @Override
    public void execute(Runnable exchange) {
        Arrival arrival = Arrival.now();
        workers.execute(() -> {
            CURRENT.set(arrival);
            try {
                exchange.run();
            } finally {
                CURRENT.remove();
            }
        });
    }
}
