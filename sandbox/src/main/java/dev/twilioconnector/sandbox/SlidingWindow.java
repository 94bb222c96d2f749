package dev.twilioconnector.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The arrival stamps ({@link System#nanoTime()}) of one account's admitted requests, for a limit that holds in
 * every one-second window, not only in whole seconds counted from somewhere. Workers take requests up a little
 * out of their arrival order, so a stamp may land before ones already admitted; the stamps are kept sorted and
 * every window holding the new one is checked, not only the one ending at it.
 */
final class SlidingWindow {

    static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();
    /**
     * How long stamps are kept after the newest one: longer than a request can wait for a free worker (a slow
     * response holds a worker for seconds), so that a request taken up late still meets the stamps it arrived
     * among.
     */
    private static final long KEPT_NANOS = Duration.ofMinutes(1).toNanos();

    /** Sorted ascending; equal stamps are kept, one per request. */
    private final List<Long> admitted = new ArrayList<>();

    /**
     * Admits the request that arrived at {@code arrival} when no one-second window holding it would then hold
     * more than {@code limit} admitted requests, and counts it from then on.
     */
    synchronized boolean tryAdmit(long arrival, int limit) {
        forgetOlderThan(arrival);
        if (!fits(arrival, limit)) {
            return false;
        }
        admitted.add(firstAtOrAfter(arrival + 1), arrival);
        return true;
    }

    private boolean fits(long arrival, int limit) {
        int first = firstAtOrAfter(arrival - WINDOW_NANOS + 1);
        if (admitted.isEmpty() || admitted.get(admitted.size() - 1) <= arrival) {
            // in arrival order, the fullest window holding the arrival is the one ending at it
            return admitted.size() - first + 1 <= limit;
        }
        // Out of order, every window holding the arrival counts. The fullest starts at the arrival or at an
        // admitted stamp in the second before it: moving a window's start up to the next stamp drops none it holds.
        if (heldFrom(arrival) + 1 > limit) {
            return false;
        }
        for (int i = first; i < admitted.size() && admitted.get(i) <= arrival; i++) {
            if (heldFrom(admitted.get(i)) + 1 > limit) {
                return false;
            }
        }
        return true;
    }

    /** Admitted stamps in the window {@code [start, start + 1 s)}. */
    private int heldFrom(long start) {
        return firstAtOrAfter(start + WINDOW_NANOS) - firstAtOrAfter(start);
    }

    private void forgetOlderThan(long arrival) {
        long newest = admitted.isEmpty() ? arrival : Math.max(arrival, admitted.get(admitted.size() - 1));
        int stale = firstAtOrAfter(newest - KEPT_NANOS);
        // in batches: dropping the head of the list moves all the rest, once per request at a thousand a second
        if (stale > admitted.size() / 2) {
            admitted.subList(0, stale).clear();
        }
    }

    /** The index of the first stamp at or after {@code nanos}, or the size when there is none. */
    private int firstAtOrAfter(long nanos) {
        int low = 0;
        int high = admitted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (admitted.get(middle) < nanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
