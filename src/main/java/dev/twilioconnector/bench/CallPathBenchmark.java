package dev.twilioconnector.bench;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the call path costs and how close the node throttle keeps to its setting: threads ask a connection for
 * Messages Get against the sandbox, as fast as they can, for a while; prints the achieved rate against the setting,
 * the wait the throttle added (p50, p99) and the CPU time each request took on the calling threads, which run the
 * whole call path (endpoint, retry, circuit breaker, throttle, HttpClient, JSON) but not the sandbox; then the
 * CPU per request once the code is warm, on a connection whose limit is never reached.
 *
 * <p>Run from the repository root; the reactor builds the component and the sandbox first:
 *
 * <pre>
 * mvn -B -q -pl src -am package -DskipTests -Dbench=CallPathBenchmark \
 *     [-Dbench.jvmArgs="-Dbench.tps=25 -Dbench.threads=8 -Dbench.seconds=20"]
 * </pre>
 */
public final class CallPathBenchmark {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";

    private CallPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tps = Integer.getInteger("bench.tps", 25);
        int threads = Integer.getInteger("bench.threads", 8);
        int seconds = Integer.getInteger("bench.seconds", 20);
        try (TwilioSandbox sandbox = TwilioSandbox.start(); CamelContext camel = new DefaultCamelContext()) {
            sandbox.put("Messages", Map.of("sid", SID, "body", "benchmark"));
            TwilioConnectorComponent connection = new TwilioConnectorComponent();
            connection.getConfiguration().setAccountSid(sandbox.accountSid());
            connection.getConfiguration().setAuthToken(sandbox.authToken());
            connection.getConfiguration().setBaseUrl(sandbox.baseUrl());
            connection.getConfiguration().setTransactionsPerSecond(tps);
            camel.addComponent("twilio-connector", connection);
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            String uri = "twilio-connector:Messages/Get?entityId=" + SID;

            run(producer, uri, threads, Math.min(3, seconds));
            ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
            connection.callPath().throttle().onWait(waits::add);
            sandbox.clearRequests();
            Result result = run(producer, uri, threads, seconds);

            long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
            double achieved = result.requests() / (result.elapsedNanos() / 1e9);
            System.out.printf("setting %d TPS, %d threads, %d s: %d requests (%d failed), %d seen by the sandbox%n", tps,
                    threads, seconds, result.requests(), result.failed(), sandbox.requests().size());
            System.out.printf("achieved %.2f TPS (%.2f%% of the setting)%n", achieved, 100 * achieved / tps);
            System.out.printf("throttle wait p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 50) / 1e6,
                    percentile(sorted, 99) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            System.out.printf("CPU per request on the calling threads %.1f µs%n", result.cpuNanos() / 1e3 / result.requests());

            // the same path with a limit it never reaches: what a request costs once the code is warm
            TwilioConnectorComponent unlimited = new TwilioConnectorComponent();
            unlimited.getConfiguration().setAccountSid(sandbox.accountSid());
            unlimited.getConfiguration().setAuthToken(sandbox.authToken());
            unlimited.getConfiguration().setBaseUrl(sandbox.baseUrl());
            unlimited.getConfiguration().setTransactionsPerSecond(1_000_000);
            camel.addComponent("twilio-unlimited", unlimited);
            String unlimitedUri = "twilio-unlimited:Messages/Get?entityId=" + SID;
            run(producer, unlimitedUri, threads, 5);
            Result warm = run(producer, unlimitedUri, threads, seconds);
            System.out.printf("unthrottled, warm: %.0f requests per second, CPU per request on the calling threads %.1f µs%n",
                    warm.requests() / (warm.elapsedNanos() / 1e9), warm.cpuNanos() / 1e3 / warm.requests());
        }
    }

    private record Result(long requests, long failed, long elapsedNanos, long cpuNanos) {
    }

    private static Result run(ProducerTemplate producer, String uri, int threads, int seconds) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                senders.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    while (System.nanoTime() - end < 0) {
                        Exchange exchange = producer.request(uri, e -> { });
                        requests.incrementAndGet();
                        if (exchange.getException() != null) {
                            failed.incrementAndGet();
                        }
                    }
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(requests.get(), failed.get(), System.nanoTime() - start, cpuNanos.get());
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
