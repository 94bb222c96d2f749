package dev.twilioconnector.telemetry;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.Fault;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.sandbox.TwilioSandbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.twilioconnector.support.SandboxTestSupport.sandboxConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Requests are measured once a meter registry is bound, even when it is bound after the first requests went out (from
 * at most a second later, as a lookup that found nothing is believed that long), and the node's rate shows how
 * Twilio's 429s slow it.
 */
class RequestMetricsTest {

    private static final String SID = "SM3ad97d41e786c02bca47c8ce1745053b";

    private TwilioSandbox sandbox;
    private CamelContext camel;

    @BeforeEach
    void connect() {
        sandbox = TwilioSandbox.start();
        sandbox.put("Messages", Map.of("sid", SID, "body", "hello"));
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = sandboxConnection(sandbox);
        camel.addComponent("twilio-connector", component);
        camel.start();
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        sandbox.close();
    }

    @Test
    void aRegistryBoundAfterTheFirstRequestsMeasuresTheNextOnes() throws InterruptedException {
        get(SID);
        get(SID);
        MeterRegistry meters = new SimpleMeterRegistry();
        camel.getRegistry().bind("meters", meters);
        Thread.sleep(MeterRegistryLookup.MISS_KEPT.toMillis() + 100);

        get(SID);
        get("SM00000000000000000000000000000404");

        Timer found = meters.find(RequestMetrics.REQUESTS).tags("connection", "twilio", "entity", "Messages",
                "operation", "Get", "method", "GET", "status", "200").timer();
        assertThat(found).isNotNull();
        assertThat(found.count()).isEqualTo(1);
        assertThat(meters.get(RequestMetrics.ERRORS).tags("entity", "Messages", "operation", "Get", "status", "404",
                "code", "20404").counter().count()).isEqualTo(1.0);
        assertThat(sandbox.requests()).hasSize(4);
    }

    @Test
    void every429CountsAsAnErrorAndLowersTheGaugeOfTheNodesRate() {
        MeterRegistry meters = new SimpleMeterRegistry();
        camel.getRegistry().bind("meters", meters);
        get(SID);
        assertThat(meters.get(RequestMetrics.THROTTLE_RATE).tags("connection", "twilio").gauge().value()).isEqualTo(25.0);
        sandbox.faults().retryAfter(Duration.ZERO).next(Fault.TOO_MANY_REQUESTS_RETRY_AFTER, 2);

        get(SID);

        assertThat(meters.get(RequestMetrics.ERRORS).tags("connection", "twilio", "entity", "Messages", "operation", "Get",
                "status", "429", "code", "20429").counter().count()).isEqualTo(2.0);
        // two 429s in a row are one overload: the rate is cut once, to 0.7 of 25
        assertThat(meters.get(RequestMetrics.THROTTLE_RATE).tags("connection", "twilio").gauge().value())
                .isCloseTo(17.5, within(1e-9));
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(200, 429, 429, 200);
    }

    private void get(String sid) {
        camel.createProducerTemplate().send("twilio-connector:Messages/Get?entityId=" + sid, exchange -> { });
    }
}
