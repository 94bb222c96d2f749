package dev.twilioconnector.stream;

import dev.twilioconnector.TwilioConnectorComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Streams a whole List from a Twilio (the sandbox another JVM serves) through the Split EIP and prints
 * {@code records=N seconds=S peakHeapMb=M maxHeapMb=X heapAfterGcMb=a,b,c,...}: the most heap in use seen every
 * thousand records, and the heap in use after a full GC every {@code sampleEvery} records, which stays flat if the
 * stream holds no more than its pages.
 * Run in a JVM with a small heap. Arguments: baseUrl accountSid authToken sampleEvery.
 */
public final class StreamClientMain {

    private StreamClientMain() {
    }

    public static void main(String[] args) throws Exception {
        long sampleEvery = Long.parseLong(args[3]);
        AtomicLong records = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        List<Long> heapAfterGc = new CopyOnWriteArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            TwilioConnectorComponent component = new TwilioConnectorComponent();
            component.getConfiguration().setBaseUrl(args[0]);
            component.getConfiguration().setAccountSid(args[1]);
            component.getConfiguration().setAuthToken(args[2]);
            // the proof is about memory: the default 25 requests/s would only make a thousand pages slow
            component.getConfiguration().setTransactionsPerSecond(1000);
            camel.addComponent("twilio-connector", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:all").to("twilio-connector:Messages/List?streamResults=true")
                            .split(body()).streaming().process(exchange -> {
                                long count = records.incrementAndGet();
                                if (count % 1000 == 0) {
                                    peak.accumulateAndGet(heapUsed(), Math::max);
                                }
                                if (count % sampleEvery == 0) {
                                    heapAfterGc.add(usedAfterFullGc());
                                }
                            });
                }
            });
            camel.start();
            long start = System.nanoTime();
            camel.createProducerTemplate().sendBody("direct:all", null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("records=%d seconds=%.1f peakHeapMb=%d maxHeapMb=%d heapAfterGcMb=%s%n", records.get(),
                    seconds, megabytes(peak.get()), megabytes(Runtime.getRuntime().maxMemory()),
                    heapAfterGc.stream().map(used -> String.valueOf(megabytes(used))).collect(Collectors.joining(",")));
        }
    }

    private static long usedAfterFullGc() {
        System.gc();
        return heapUsed();
    }

    /** Heap in use now: the pools' peaks would add up highs of different moments, more than the heap ever held. */
    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
