package dev.twilioconnector.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

import java.util.function.Supplier;

/**
 * The Camel context's Micrometer registry, looked up until one is found and then kept: camel-main may bind it after
 * the component starts, even after the first requests. One per connection, shared by its meters, so a request
 * looks it up once, not once for each meter.
 */
public final class MeterRegistryLookup implements Supplier<MeterRegistry> {

    private final CamelContext context;
    private volatile MeterRegistry found;

    public MeterRegistryLookup(CamelContext context) {
        this.context = context;
    }

    @Override
    public MeterRegistry get() {
        MeterRegistry registry = found;
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
            found = registry;
        }
        return registry;
    }
}
