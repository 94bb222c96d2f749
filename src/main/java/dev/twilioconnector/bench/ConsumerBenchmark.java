package dev.twilioconnector.bench;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.processor.state.MemoryStateRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Records per second of the consumers against an embedded sandbox: a List read with streamResults=true, and the
 * polling consumer delivering the same records with its cursor in memory and in a file.
 *
 * <pre>
 * mvn -B -q -pl src -am package -DskipTests -Dbench=ConsumerBenchmark \
 *     [-Dbench.jvmArgs="-Dbench.records=20000 -Dbench.streamPageSize=1000 -Dbench.component.someOption=value"]
 * </pre>
 *
 * {@code bench.streamPageSize} is the records per page the stream and the poller read; {@code bench.component.*} are
 * component options (the node throttle's, for example), bound by name. With small pages, the node throttle
 * (transactionsPerSecond, 25 by default) caps records/s at pages/s times the page size: run once with
 * -Dbench.component.transactionsPerSecond=10000 to see the consumers' own speed.
 */
public final class ConsumerBenchmark {

    private static final String COMPONENT_PREFIX = "bench.component.";

    private ConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 20_000);
        int pageSize = Integer.getInteger("bench.streamPageSize", 1000);
        try (TwilioSandbox sandbox = TwilioSandbox.start()) {
            sandbox.seed("Messages", records);
            System.out.printf("records=%d streamPageSize=%d component=%s%n", records, pageSize, componentOptions());
            stream(sandbox, records, pageSize);
            poll(sandbox, records, pageSize, "stateRepository=#cursors");
            Path stateFile = Files.createTempFile("consumer-benchmark", ".state");
            poll(sandbox, records, pageSize, "stateFile=" + stateFile);
            Files.deleteIfExists(stateFile);
            // seeded records are a minute apart: a window of records minutes holds every one of them
            poll(sandbox, records, pageSize, "stateRepository=#cursors&lookback=" + (records + 60) + "m");
        }
    }

    private static void stream(TwilioSandbox sandbox, int records, int pageSize) throws Exception {
        try (CamelContext camel = context(sandbox)) {
            camel.start();
            long start = System.nanoTime();
            Iterator<?> all = camel.createProducerTemplate()
                    .requestBody("twilio-connector:Messages/List?streamResults=true&streamPageSize=" + pageSize, null,
                            Iterator.class);
            long count = 0;
            while (all.hasNext()) {
                all.next();
                count++;
            }
            report("stream (streamResults=true)", count, records, start);
        }
    }

    private static void poll(TwilioSandbox sandbox, int records, int pageSize, String cursorOption) throws Exception {
        CountDownLatch delivered = new CountDownLatch(records);
        try (CamelContext camel = context(sandbox)) {
            camel.getRegistry().bind("cursors", new MemoryStateRepository());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("twilio-connector:Messages/List?initialDelay=0&delay=10&streamPageSize=" + pageSize + "&" + cursorOption)
                            .routeId("poller").process(exchange -> delivered.countDown());
                }
            });
            long start = System.nanoTime();
            camel.start();
            if (!delivered.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the poller delivered " + (records - delivered.getCount()) + " of " + records);
            }
            report("poller (" + cursorOption.replaceAll("=[^&]*", "").replace("&", ", ") + ")", records, records, start);
        }
    }

    private static CamelContext context(TwilioSandbox sandbox) {
        CamelContext camel = new DefaultCamelContext();
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.getConfiguration().setAccountSid(sandbox.accountSid());
        component.getConfiguration().setAuthToken(sandbox.authToken());
        component.getConfiguration().setBaseUrl(sandbox.baseUrl());
        PropertyBindingSupport.build().withMandatory(true).bind(camel, component, new HashMap<>(componentOptions()));
        camel.addComponent("twilio-connector", component);
        return camel;
    }

    private static Map<String, Object> componentOptions() {
        Map<String, Object> options = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith(COMPONENT_PREFIX)) {
                options.put(key.toString().substring(COMPONENT_PREFIX.length()), value);
            }
        });
        return options;
    }

    private static void report(String what, long count, int expected, long startNanos) {
        if (count != expected) {
            throw new IllegalStateException(what + " read " + count + " records of " + expected);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-32s %8d records in %6.2f s = %8.0f records/s%n", what, count, seconds, count / seconds);
    }
}
