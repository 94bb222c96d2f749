package dev.twilioconnector.support;

import dev.twilioconnector.sandbox.RecordedRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The rate Twilio sees, read from the sandbox's request log by arrival time. */
public final class RequestWindows {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Arrivals on {@link System#nanoTime()}, in order. */
    private final long[] arrivals;

    public RequestWindows(List<RecordedRequest> requests) {
        this.arrivals = requests.stream().mapToLong(RecordedRequest::receivedNanos).sorted().toArray();
    }

    /** The most requests that arrived within any one second: every window [t, t + 1 s) that starts at an arrival. */
    public int busiestSecond() {
        int busiest = 0;
        int end = 0;
        for (int start = 0; start < arrivals.length; start++) {
            while (end < arrivals.length && arrivals[end] - arrivals[start] < SECOND) {
                end++;
            }
            busiest = Math.max(busiest, end - start);
        }
        return busiest;
    }

    /** Requests per second from the first arrival to the last. */
    public double averagePerSecond() {
        if (arrivals.length < 2) {
            return 0;
        }
        long span = arrivals[arrivals.length - 1] - arrivals[0];
        return (arrivals.length - 1) / (span / 1e9);
    }

    /** The shortest time between two arrivals in a row. */
    public Duration closestPair() {
        long closest = Long.MAX_VALUE;
        for (int i = 1; i < arrivals.length; i++) {
            closest = Math.min(closest, arrivals[i] - arrivals[i - 1]);
        }
        return closest == Long.MAX_VALUE ? null : Duration.ofNanos(closest);
    }

    public int count() {
        return arrivals.length;
    }
}
