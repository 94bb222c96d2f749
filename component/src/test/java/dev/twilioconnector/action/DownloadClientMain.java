package dev.twilioconnector.action;

import dev.twilioconnector.TwilioConnectorComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.Map;

/**
 * Downloads one recording through DownloadRecording into a file with Camel's file producer, as a flow would, and
 * prints {@code maxHeapMb=X peakHeapMb=P}: run in a JVM whose heap is smaller than the recording, it finishes only
 * if nothing holds the audio whole. Arguments: baseUrl accountSid authToken recordingSid directory.
 */
public final class DownloadClientMain {

    private DownloadClientMain() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            TwilioConnectorComponent component = new TwilioConnectorComponent();
            component.getConfiguration().setBaseUrl(args[0]);
            component.getConfiguration().setAccountSid(args[1]);
            component.getConfiguration().setAuthToken(args[2]);
            camel.addComponent("twilio-connector", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:download").to("twilio-connector:actions/DownloadRecording")
                            .to("file:" + args[4] + "?fileName=${header.CamelTwilioConnectorSid}.wav");
                }
            });
            camel.start();
            camel.createProducerTemplate().sendBody("direct:download", Map.of("RecordingSid", args[3]));
            System.out.printf("maxHeapMb=%d peakHeapMb=%d%n", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(pool -> pool.getType() == MemoryType.HEAP)
                            .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024));
        }
    }
}
