package dev.twilioconnector.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry is found when it is bound before the first request, or within a second of being bound later. */
class MeterRegistryLookupTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final AtomicLong clock = new AtomicLong(42);
    private final MeterRegistryLookup lookup = new MeterRegistryLookup(camel, clock::get);

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aRegistryBoundBeforeTheFirstLookupIsFoundAndKept() {
        MeterRegistry meters = new SimpleMeterRegistry();
        camel.getRegistry().bind("meters", meters);

        assertThat(lookup.get()).isSameAs(meters);
        camel.getRegistry().unbind("meters");
        assertThat(lookup.get()).isSameAs(meters);
    }

    @Test
    void aRegistryBoundAfterALookupFoundNothingIsFoundOnceTheMissIsASecondOld() {
        assertThat(lookup.get()).isNull();
        MeterRegistry meters = new SimpleMeterRegistry();
        camel.getRegistry().bind("meters", meters);

        clock.addAndGet(MeterRegistryLookup.MISS_KEPT.toNanos() - 1);
        assertThat(lookup.get()).as("the miss is still believed").isNull();
        clock.incrementAndGet();
        assertThat(lookup.get()).isSameAs(meters);
    }

    @Test
    void withNoRegistryCamelIsAskedAgainAtMostOnceASecond() {
        assertThat(lookup.get()).isNull();
        clock.addAndGet(MeterRegistryLookup.MISS_KEPT.toNanos());
        assertThat(lookup.get()).isNull();
        MeterRegistry meters = new SimpleMeterRegistry();
        camel.getRegistry().bind("meters", meters);

        clock.addAndGet(MeterRegistryLookup.MISS_KEPT.toNanos() / 2);
        assertThat(lookup.get()).as("the second miss is believed from when it was looked up").isNull();
        clock.addAndGet(MeterRegistryLookup.MISS_KEPT.toNanos() / 2);
        assertThat(lookup.get()).isSameAs(meters);
    }
}
