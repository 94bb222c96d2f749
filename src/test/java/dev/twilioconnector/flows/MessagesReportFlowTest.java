package dev.twilioconnector.flows;

import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code routes/demo/daily-messages-report.yaml} as written, against the sandbox: the timer is replaced by a direct
 * endpoint so the test decides when it fires, and the CSV it writes is read back.
 */
class MessagesReportFlowTest extends SandboxTestSupport {

    private static final Path FLOW = Path.of(System.getProperty("routes.dir", "../routes"))
            .resolve("demo/daily-messages-report.yaml");
    private static final String ID = "daily-messages-report";

    @TempDir
    static Path dataDir;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate yesterday = today.minusDays(1);

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

    @Test
    void countsTheMessagesSentSinceYesterdayByStatusIntoTodaysCsv() throws Exception {
        put("delivered", yesterday.atStartOfDay(ZoneOffset.UTC).toInstant());
        put("delivered", yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC));
        put("failed", yesterday.atTime(23, 59).toInstant(ZoneOffset.UTC));
        put("delivered", yesterday.atStartOfDay(ZoneOffset.UTC).minusSeconds(1).toInstant());
        put("undelivered", yesterday.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());

        run();

        assertThat(report()).isEqualTo("Status,N\ndelivered,2\nfailed,1\n");
        assertThat(requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo(accountPath("Messages.json"));
            assertThat(request.queryParams()).isEqualTo(Map.of("DateSent>", List.of(yesterday.toString()),
                    "PageSize", List.of("1000")));
        });
    }

    @Test
    void withNoMessagesTheReportHoldsItsHeaderLine() throws Exception {
        put("delivered", yesterday.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());

        run();

        assertThat(report()).isEqualTo("Status,N\n");
    }

    private String report() throws Exception {
        return Files.readString(dataDir.resolve("messages-report/messages-by-status-" + today + ".csv"));
    }

    private static void put(String status, Instant sent) {
        sandbox.put("Messages", Map.of("status", status, "date_sent", sent));
    }

    /** Loads the flow, fires it once and waits until it wrote its file. */
    private void run() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + FLOW));
        AdviceWith.adviceWith(context, ID, route -> {
            route.replaceFromWith("direct:" + ID);
            route.weaveAddLast().to("mock:" + ID);
        });
        context.start();
        MockEndpoint out = getMockEndpoint("mock:" + ID);
        out.expectedMessageCount(1);
        sandbox.clearRequests();

        producer.sendBody("direct:" + ID, null);

        out.assertIsSatisfied();
    }
}
