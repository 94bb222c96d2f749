package dev.twilioconnector.flows;

import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code routes/demo/daily-messages-report.yaml} as written, against the sandbox: the timer is replaced by a direct
 * endpoint so the test decides when it fires, and the CSV it writes is read back.
 */
class MessagesReportFlowTest extends FlowTestSupport {

    private static final String ID = "daily-messages-report";

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate yesterday = today.minusDays(1);

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
        MockEndpoint out = loadFiredByHand("demo/" + ID + ".yaml", ID);
        out.expectedMessageCount(1);
        sandbox.clearRequests();

        producer.sendBody("direct:" + ID, null);

        out.assertIsSatisfied();
    }
}
