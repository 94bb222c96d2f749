package dev.twilioconnector.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Camel context's Micrometer registry, looked up until one is found and then kept: camel-main may bind it after
 * the component starts, even after the first requests. One per connection, shared by its meters. A lookup that
 * finds nothing is believed for {@link #MISS_KEPT}: without a registry every meter of every request would search
 * Camel's registry by type again, and a registry bound late is still found within that time.
 */
public final class MeterRegistryLookup implements Supplier<MeterRegistry> {

    static final Duration MISS_KEPT = Duration.ofSeconds(1);

    private final CamelContext context;
    private final LongSupplier nanoTime;
    private volatile MeterRegistry found;
    private volatile long lookAgainAt;

    public MeterRegistryLookup(CamelContext context) {
        this(context, System::nanoTime);
    }

    MeterRegistryLookup(CamelContext context, LongSupplier nanoTime) {
        this.context = context;
        this.nanoTime = nanoTime;
        this.lookAgainAt = nanoTime.getAsLong();
    }

    @Override
    public MeterRegistry get() {
        MeterRegistry registry = found;
        if (registry == null) {
            long now = nanoTime.getAsLong();
            if (now - lookAgainAt < 0) {
                return null;
            }
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
            found = registry;
            lookAgainAt = now + MISS_KEPT.toNanos();
        }
        return registry;
    }
}
