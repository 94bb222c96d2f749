package dev.twilioconnector.flows;

import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Runs flow files of {@code routes/} as written, against the sandbox: a flow's timer is replaced by a direct endpoint
 * so the test decides when it fires, what it ends with reaches a mock endpoint, and the files it writes go to a
 * folder of the test's own ({@code twilio.flows.dir}).
 */
abstract class FlowTestSupport extends SandboxTestSupport {

    static final Path ROUTES = Path.of(System.getProperty("routes.dir", "../routes"));

    final Path dataDir = createDataDir();

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        Properties overrides = new Properties();
        overrides.put("twilio.flows.dir", dataDir.toString());
        camel.getPropertiesComponent().setOverrideProperties(overrides);
        return camel;
    }

    /** Loads a flow file, given relative to {@code routes/}, into the context, which is not started yet. */
    void load(String file) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:" + ROUTES.resolve(file)));
    }

    /**
     * Loads a flow file whose route {@code routeId} starts with a timer, starts the context, and gives the mock
     * endpoint its route now ends in; the route fires on {@code direct:<routeId>}.
     */
    MockEndpoint loadFiredByHand(String file, String routeId) throws Exception {
        load(file);
        AdviceWith.adviceWith(context, routeId, route -> {
            route.replaceFromWith("direct:" + routeId);
            route.weaveAddLast().to("mock:" + routeId);
        });
        context.start();
        return getMockEndpoint("mock:" + routeId);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("flows");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
