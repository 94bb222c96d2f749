package dev.twilioconnector.runtime;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.sql.TwilioDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.PropertyBindingSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The camel-main runner: binds the connection from {@code application.properties}, environment variables and
 * {@code -D} properties in camel-main's order, loads the YAML flows, serves health, metrics and pause/resume
 * over HTTP, and, when no Account SID is set anywhere, starts the embedded sandbox and points the connection
 * at it.
 *
 * <pre>java -jar twilio-connector-runtime.jar [--routes=&lt;pattern&gt;]</pre>
 */
public final class TwilioConnectorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioConnectorRuntime.class);
    static final String ROUTES_OPTION = "--routes=";
    /**
     * The demo flows create, change and delete records by fixed SIDs: they run against the sandbox only, never
     * against a real account. The default pattern names them through this property, set only with the sandbox.
     */
    static final String DEMO_ROUTES = "runner.demo-routes";
    /** The embedded sandbox's base URL, set only with the sandbox: the Verify demo flow reads codes from its admin API. */
    static final String SANDBOX_URL = "twilio.sandbox.url";
    static final String CONVERSATION_SID = "twilio.flows.conversation-sid";
    /** The bean name of the DataSource of SQL over the connection: {@code sql:SELECT ...?dataSource=#twilio}. */
    static final String SQL_DATA_SOURCE = "twilio";

    /** What the runner does unless application.properties, the environment or -D say otherwise. */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("camel.main.name", "twilio-connector"),
            Map.entry("camel.main.routes-include-pattern", "file:routes/*.yaml{{" + DEMO_ROUTES + ":}}"),
            Map.entry("camel.server.enabled", "true"),
            Map.entry("camel.server.port", "8080"),
            Map.entry("camel.management.enabled", "true"),
            Map.entry("camel.management.port", "8080"),
            Map.entry("camel.management.health-check-enabled", "true"),
            Map.entry("camel.management.metrics-enabled", "true"),
            Map.entry("camel.metrics.enabled", "true"),
            Map.entry("camel.health.enabled", "true"),
            Map.entry("camel.health.exposure-level", "full"));

    private final Main main;
    private final ConnectionControl control = new ConnectionControl();
    private volatile TwilioSandbox sandbox;
    private volatile ClusterWiring cluster;

    private TwilioConnectorRuntime(Map<String, String> environment, Map<String, String> overrides) {
        main = new Main();
        main.setPropertyPlaceholderLocations("file:application.properties;optional=true,classpath:application.properties;optional=true");
        DEFAULTS.forEach(main::addInitialProperty);
        overrides.forEach(main::addOverrideProperty);
        main.configure().addRoutesBuilder(new ControlRoutes(control, () -> cluster == null ? null : cluster.nodes()));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                CamelContext context = support.getCamelContext();
                context.getPropertiesComponent().addPropertiesFunction(new FileFunction());
                if (!AccountSetting.isSet(context.getPropertiesComponent(), environment)) {
                    sandbox = DemoSandbox.start();
                    context.getPropertiesComponent().addOverrideProperty(DEMO_ROUTES, ",file:routes/demo/*.yaml");
                    context.getPropertiesComponent().addOverrideProperty(SANDBOX_URL, sandbox.baseUrl());
                    context.getPropertiesComponent().addOverrideProperty(CONVERSATION_SID,
                            DemoSandbox.startConversation(sandbox));
                    LOG.info("No Twilio Account SID is set: the connection talks to the embedded sandbox at {}", sandbox.baseUrl());
                }
                // bound before camel-main looks for a cluster service in the registry, which adds it to the context
                cluster = ClusterWiring.bind(context, environment);
                // over the connection's component itself, so that SQL shares its node throttle with the flows
                context.getRegistry().bind(SQL_DATA_SOURCE, new TwilioDataSource(context));
            }

            @Override
            public void afterConfigure(BaseMainSupport support) {
                configureConnection(support.getCamelContext(), environment);
                cluster.configure(support.getCamelContext().getComponent("twilio-connector", TwilioConnectorComponent.class));
            }
        });
    }

    /** Builds a runner from the command line: {@code --routes=<pattern>} and camel-main's own properties. */
    static TwilioConnectorRuntime create(Map<String, String> environment, String... args) {
        return create(environment, Map.of(), args);
    }

    /** As {@link #create(Map, String...)}, with properties that win over every other source. */
    static TwilioConnectorRuntime create(Map<String, String> environment, Map<String, String> properties, String... args) {
        Map<String, String> overrides = new LinkedHashMap<>(properties);
        for (String arg : args) {
            if (arg.startsWith(ROUTES_OPTION) && arg.length() > ROUTES_OPTION.length()) {
                overrides.put("camel.main.routes-include-pattern", arg.substring(ROUTES_OPTION.length()));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "': usage: java -jar twilio-connector-runtime.jar"
                        + " [--routes=<pattern>], settings in application.properties, -D or the environment");
            }
        }
        return new TwilioConnectorRuntime(environment, overrides);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs until the process is stopped; 0 after a clean stop, 1 with a one-line reason when start-up fails. */
    static int run(String[] args) {
        try (TwilioConnectorRuntime runtime = create(System.getenv(), args)) {
            runtime.main.run();
            return runtime.main.getExitCode();
        } catch (Exception e) {
            System.err.println("twilio-connector-runtime: " + StartupFailure.reason(e));
            return 1;
        }
    }

    /** Starts the runner without blocking, for tests and embedding. */
    void start() throws Exception {
        main.start();
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    /** The sandbox the runner started, or null when the connection talks to a Twilio account. */
    TwilioSandbox sandbox() {
        return sandbox;
    }

    ConnectionControl control() {
        return control;
    }

    private void configureConnection(CamelContext context, Map<String, String> environment) {
        TwilioConnectorComponent component = context.getComponent("twilio-connector", TwilioConnectorComponent.class);
        Map<String, Object> shortSettings = ShortSettings.options(context.getPropertiesComponent(), environment,
                ShortSettings.isOptionOf(component));
        if (!shortSettings.isEmpty()) {
            PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withIgnoreCase(true)
                    .withProperties(shortSettings).withMandatory(true).withRemoveParameters(false).bind();
        }
        if (sandbox != null) {
            component.getConfiguration().setBaseUrl(sandbox.baseUrl());
            component.getConfiguration().setBaseUrls(Map.of("verify", sandbox.verifyBaseUrl(),
                    "conversations", sandbox.conversationsBaseUrl(), "insights", sandbox.insightsBaseUrl()));
            component.getConfiguration().setAccountSid(sandbox.accountSid());
            component.getConfiguration().setAuthToken(sandbox.authToken());
        }
        control.setCamelContext(context);
        // added once the context runs, so that JMX, started by then, exposes it
        try {
            context.addStartupListener((started, alreadyStarted) -> started.addService(control, true, true));
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the connection's pause/resume control: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            main.stop();
        } finally {
            TwilioSandbox started = sandbox;
            if (started != null) {
                started.close();
            }
        }
    }
}
