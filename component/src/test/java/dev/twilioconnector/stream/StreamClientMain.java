package dev.twilioconnector.stream;

import dev.twilioconnector.TwilioConnectorComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a whole List from a Twilio (the sandbox another JVM serves) through the Split EIP and prints
 * {@code records=N seconds=S peakHeapMb=M}. Run in a JVM with a small heap to show that memory stays flat.
 * Arguments: baseUrl accountSid authToken.
 */
public final class StreamClientMain {

    private StreamClientMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong records = new AtomicLong();
        try (CamelContext camel = new DefaultCamelContext()) {
            TwilioConnectorComponent component = new TwilioConnectorComponent();
            component.setBaseUrl(args[0]);
            component.setAccountSid(args[1]);
            component.setAuthToken(args[2]);
            camel.addComponent("twilio-connector", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:all").to("twilio-connector:Messages/List?streamResults=true")
                            .split(body()).streaming().process(exchange -> records.incrementAndGet());
                }
            });
            camel.start();
            long start = System.nanoTime();
            camel.createProducerTemplate().sendBody("direct:all", null);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("records=%d seconds=%.1f peakHeapMb=%d maxHeapMb=%d%n", records.get(), seconds,
                    peak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }
}
