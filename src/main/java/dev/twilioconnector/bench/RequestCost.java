package dev.twilioconnector.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What one request cost on average over a batch: wall time, CPU of the calling thread, CPU of the whole client
 * JVM (the calling thread, the client's background threads, JIT and GC), bytes the calling thread allocated, and
 * CPU of the loopback server's JVM.
 */
record RequestCost(double wallNanos, double threadCpuNanos, double processCpuNanos, double allocatedBytes,
                   double serverCpuNanos) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    interface Call {
        void run() throws Exception;
    }

    /**
     * Runs {@code call} {@code times} times on this thread and divides what it cost by {@code times}; the server's
     * CPU is measured by whoever told this JVM to run it.
     */
    static RequestCost measure(int times, Call call) throws Exception {
        long thread = Thread.currentThread().getId();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long processCpu = OS.getProcessCpuTime();
        long threadCpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < times; i++) {
            call.run();
        }
        wall = System.nanoTime() - wall;
        threadCpu = THREADS.getCurrentThreadCpuTime() - threadCpu;
        processCpu = OS.getProcessCpuTime() - processCpu;
        allocated = THREADS.getThreadAllocatedBytes(thread) - allocated;
        return new RequestCost((double) wall / times, (double) threadCpu / times, (double) processCpu / times,
                (double) allocated / times, 0);
    }

    /**
     * The rounds of one client and operation in one: the median of the wall time, the thread's CPU and allocation,
     * so that a round slowed by a neighbour on the machine does not count; the mean of the two processes' CPU, whose
     * clock ticks every 10 ms, too coarse for one round of a few tens of milliseconds.
     */
    static RequestCost summary(List<RequestCost> rounds) {
        return new RequestCost(median(rounds, RequestCost::wallNanos), median(rounds, RequestCost::threadCpuNanos),
                mean(rounds, RequestCost::processCpuNanos), median(rounds, RequestCost::allocatedBytes),
                mean(rounds, RequestCost::serverCpuNanos));
    }

    private static double mean(List<RequestCost> rounds, ToDoubleFunction<RequestCost> figure) {
        return rounds.stream().mapToDouble(figure).average().orElseThrow();
    }

    private static double median(List<RequestCost> rounds, ToDoubleFunction<RequestCost> figure) {
        double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
