package dev.twilioconnector.telemetry;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.twilioconnector.support.SandboxTestSupport.sandboxConnection;
import static org.assertj.core.api.Assertions.assertThat;

/** The connector's request log: failures at ERROR by default, one INFO line per request when asked, nothing when OFF. */
class RequestLoggingTest {

    private static final String SID = "SM3ad97d41e786c02bca47c8ce1745053b";
    private static final String REQUEST_LOG = "dev.twilioconnector.requests";
    private static TwilioSandbox sandbox;
    private final Captured captured = new Captured();
    private CamelContext camel;

    @BeforeAll
    static void startSandbox() {
        sandbox = TwilioSandbox.start();
        sandbox.put("Messages", Map.of("sid", SID, "body", "hello"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void capture() {
        // the backend lets the request log through, as the runner's log4j2.properties does; logLevel decides what is written
        Configurator.setLevel(REQUEST_LOG, Level.ALL);
        captured.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().addAppender(captured, Level.ALL, null);
        logging.updateLoggers();
    }

    @AfterEach
    void release() throws Exception {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(captured.getName());
        logging.updateLoggers();
        Configurator.setLevel(REQUEST_LOG, (Level) null);
        camel.close();
    }

    @Test
    void byDefaultOnlyFailuresAreLoggedAtError() {
        connect(null);

        get(SID);
        get("SM00000000000000000000000000000404");

        assertThat(captured.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("ERROR twilio Messages Get GET /2010-04-01/Accounts/" + sandbox.accountSid()
                        + "/Messages/SM00000000000000000000000000000404.json: failed in ")
                .contains(" ms: Twilio answered HTTP 404 with error 20404"));
    }

    @Test
    void infoLogsOneLinePerRequest() {
        connect("INFO");

        get(SID);

        assertThat(captured.lines()).singleElement().satisfies(line -> assertThat(line)
                .matches("INFO twilio Messages Get GET /2010-04-01/Accounts/" + sandbox.accountSid() + "/Messages/" + SID
                        + "\\.json: HTTP 200 request RQ[0-9a-f]{32} in \\d+ ms"));
    }

    @Test
    void offLogsNothing() {
        connect("OFF");

        get("SM00000000000000000000000000000404");

        assertThat(captured.lines()).isEmpty();
    }

    private void connect(String logLevel) {
        camel = new DefaultCamelContext();
        TwilioConnectorComponent component = sandboxConnection(sandbox);
        if (logLevel != null) {
            component.getConfiguration().setLogLevel(logLevel);
        }
        camel.addComponent("twilio-connector", component);
        camel.start();
    }

    private void get(String sid) {
        camel.createProducerTemplate().send("twilio-connector:Messages/Get?entityId=" + sid, exchange -> { });
    }

    /** The request log's events as "LEVEL message". */
    private static final class Captured extends AbstractAppender {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        Captured() {
            super("request-log-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            if (REQUEST_LOG.equals(event.getLoggerName())) {
                lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
