package dev.twilioconnector.resilience;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;

import java.util.function.Consumer;

/** Sandbox tests of the call path, on connections whose retries back off for milliseconds, not seconds. */
abstract class ResilienceTestSupport extends SandboxTestSupport {

    static final String MESSAGE_TO = "+15558675310";
    static final String MESSAGE_FROM = "+15017122661";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        quickRetries(camel.getComponent("twilio-connector", TwilioConnectorComponent.class));
        return camel;
    }

    /** Adds a connection {@code scheme} to the sandbox, with quick retries and then {@code settings} applied. */
    protected TwilioConnectorComponent connection(String scheme, Consumer<TwilioConnectorComponent> settings) {
        TwilioConnectorComponent component = sandboxConnection(sandbox);
        // its own name, so that its health checks and meters are not taken for the default connection's
        component.getConfiguration().setConnectionName(scheme);
        quickRetries(component);
        settings.accept(component);
        context.addComponent(scheme, component);
        return component;
    }

    private static void quickRetries(TwilioConnectorComponent component) {
        component.getConfiguration().setRetryInitialDelay(10);
        component.getConfiguration().setRetryMaxDelay(50);
        component.getConfiguration().setResponseTimeout(1_000);
    }
}
