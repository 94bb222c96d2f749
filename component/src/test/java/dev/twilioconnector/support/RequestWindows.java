package dev.twilioconnector.support;

import dev.twilioconnector.sandbox.RecordedRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The rate Twilio sees, read from the sandbox's request log by arrival time. */
public final class RequestWindows {

    private final List<Instant> arrivals;

    public RequestWindows(List<RecordedRequest> requests) {
        this.arrivals = requests.stream().map(RecordedRequest::received).sorted().toList();
    }

    /** The most requests that arrived within any one second: every window [t, t + 1 s) that starts at an arrival. */
    public int busiestSecond() {
        int busiest = 0;
        int end = 0;
        for (int start = 0; start < arrivals.size(); start++) {
            Instant limit = arrivals.get(start).plusSeconds(1);
            while (end < arrivals.size() && arrivals.get(end).isBefore(limit)) {
                end++;
            }
            busiest = Math.max(busiest, end - start);
        }
        return busiest;
    }

    /** Requests per second from the first arrival to the last. */
    public double averagePerSecond() {
        if (arrivals.size() < 2) {
            return 0;
        }
        Duration span = Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1));
        return (arrivals.size() - 1) / (span.toNanos() / 1e9);
    }

    /** The shortest time between two arrivals in a row. */
    public Duration closestPair() {
        Duration closest = null;
        for (int i = 1; i < arrivals.size(); i++) {
            Duration gap = Duration.between(arrivals.get(i - 1), arrivals.get(i));
            closest = closest == null || gap.compareTo(closest) < 0 ? gap : closest;
        }
        return closest;
    }

    public int count() {
        return arrivals.size();
    }
}
