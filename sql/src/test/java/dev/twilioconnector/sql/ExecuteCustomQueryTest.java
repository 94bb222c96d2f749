package dev.twilioconnector.sql;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.action.QueryRows;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Action {@code ExecuteCustomQuery} with this module's engine on the class path: the rows, the parameters, the pages
 * and the stream, the requests Twilio receives (the pushdown of the JDBC driver, through the endpoint's connection),
 * and the errors raised before any request.
 */
class ExecuteCustomQueryTest extends SandboxTestSupport {

    private static final String QUERY = "twilio-connector:actions/ExecuteCustomQuery";
    private static final String SENDER = "+15017122661";

    @Test
    void rowsComeBackByColumnLabelWithTimesAsIsoText() {
        String first = putMessage(SENDER, "delivered", "2024-06-02T10:00:00Z");
        String second = putMessage(SENDER, "failed", "2024-06-03T11:30:00Z");
        putMessage("+15550000000", "delivered", "2024-06-04T10:00:00Z");

        Object rows = callOk(QUERY, "SELECT Sid, Status AS State, DateSent FROM Messages WHERE Sender = '" + SENDER
                + "' ORDER BY DateSent");

        assertThat(rows).isEqualTo(List.of(
                row("Sid", first, "State", "delivered", "DateSent", "2024-06-02T10:00:00Z"),
                row("Sid", second, "State", "failed", "DateSent", "2024-06-03T11:30:00Z")));
        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages.json") + "?From=%2B15017122661&PageSize=1000");
    }

    @Test
    void parametersAreBoundInOrderAndPushedDownToTwilio() {
        putMessage(SENDER, "delivered", "2024-05-31T10:00:00Z");
        String kept = putMessage(SENDER, "delivered", "2024-06-02T10:00:00Z");
        putMessage("+15550000000", "delivered", "2024-06-02T10:00:00Z");

        Object rows = callOk(QUERY, "SELECT Sid FROM Messages WHERE Sender = ? AND DateSent >= ?",
                Map.of(TwilioConnectorConstants.QUERY_PARAMETERS, List.of(SENDER, Instant.parse("2024-06-01T00:00:00Z"))));

        assertThat(rows).isEqualTo(List.of(row("Sid", kept)));
        assertThat(requests()).singleElement().satisfies(request -> assertThat(request.queryParams())
                .containsEntry("From", List.of(SENDER)).containsEntry("DateSent>", List.of("2024-06-01")));
    }

    @Test
    void oneValueAloneIsTheOneParameterAndADaysTextIsATime() {
        putMessage(SENDER, "delivered", "2024-05-31T23:59:59Z");
        String kept = putMessage(SENDER, "delivered", "2024-06-01T00:00:00Z");

        Object rows = callOk(QUERY, "SELECT Sid FROM Messages WHERE DateSent >= ?",
                Map.of(TwilioConnectorConstants.QUERY_PARAMETERS, "2024-06-01"));

        assertThat(rows).isEqualTo(List.of(row("Sid", kept)));
        assertThat(requests()).singleElement()
                .satisfies(request -> assertThat(request.queryParams()).containsEntry("DateSent>", List.of("2024-06-01")));
    }

    @Test
    void groupByCountsEachStatus() {
        putMessage(SENDER, "delivered", "2024-06-02T10:00:00Z");
        putMessage(SENDER, "delivered", "2024-06-03T10:00:00Z");
        putMessage(SENDER, "failed", "2024-06-04T10:00:00Z");
        putMessage(SENDER, "failed", "2024-05-30T10:00:00Z");

        Object rows = callOk(QUERY, "SELECT Status, COUNT(*) AS N FROM Messages WHERE DateSent >= '2024-06-01'"
                + " GROUP BY Status ORDER BY Status");

        assertThat(rows).isEqualTo(List.of(row("Status", "delivered", "N", 2L), row("Status", "failed", "N", 1L)));
        assertThat(requests()).singleElement()
                .satisfies(request -> assertThat(request.queryParams()).containsEntry("DateSent>", List.of("2024-06-01")));
    }

    @Test
    void pageTokensWalkEveryRowOnceInTheQuerysOrder() {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            expected.add(row("Sid", putMessage(SENDER, "sent", "2024-06-0" + day + "T10:00:00Z")));
        }
        expected.sort((a, b) -> a.get("Sid").toString().compareTo(b.get("Sid").toString()));

        List<Object> walked = new ArrayList<>();
        List<Object> tokens = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> headers = token == null ? Map.of() : Map.of(TwilioConnectorConstants.PAGE_TOKEN, token);
            Exchange page = call(QUERY + "?pageSize=3", "SELECT Sid FROM Messages ORDER BY Sid", headers);
            assertThat(page.getException()).isNull();
            walked.addAll(page.getMessage().getBody(List.class));
            token = page.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN, String.class);
            tokens.add(token);
        } while (token != null);

        assertThat(walked).isEqualTo(expected);
        assertThat(tokens).containsExactly("3", "6", null);
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aPageOfTheDefaultSizeOverManyRecordsReadsOnlyTheTwilioPagesItNeeds() {
        sandbox.generate("Messages", 2_500);

        Exchange page = call(QUERY, "SELECT Sid FROM Messages");

        assertThat(page.getMessage().getBody(List.class)).hasSize(25);
        assertThat(page.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN)).isEqualTo("25");
        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages.json") + "?PageSize=1000");
    }

    @Test
    void limitFiveReadsOneTwilioPage() {
        sandbox.generate("Messages", 2_500);

        Object rows = callOk(QUERY + "?pageSize=1000", "SELECT Sid, Status FROM Messages LIMIT 5");

        assertThat(rows).asList().hasSize(5);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void streamedRowsAreReadPageByPageAsTheyAreConsumed() {
        sandbox.generate("Messages", 2_500);

        Exchange exchange = call(QUERY + "?streamResults=true", "SELECT Sid FROM Messages");

        assertThat(exchange.getMessage().getHeader(TwilioConnectorConstants.NEXT_PAGE_TOKEN)).isNull();
        try (QueryRows rows = exchange.getMessage().getBody(QueryRows.class)) {
            assertThat(requests()).hasSize(1);
            int count = 0;
            while (rows.hasNext()) {
                assertThat(rows.next()).containsOnlyKeys("Sid");
                count++;
            }
            assertThat(count).isEqualTo(2_500);
        }
        assertThat(requests()).extracting(request -> request.path() + " Page=" + request.queryParams().get("Page"))
                .containsExactly(accountPath("Messages.json") + " Page=null", accountPath("Messages.json") + " Page=[1]",
                        accountPath("Messages.json") + " Page=[2]");
    }

    @Test
    void aStreamSplitInARouteReachesEveryRow() throws Exception {
        sandbox.generate("Messages", 1_200);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to(QUERY + "?streamResults=true").split(body()).streaming()
                        .to("mock:row");
            }
        });
        getMockEndpoint("mock:row").expectedMessageCount(1_200);

        producer.sendBody("direct:stream", "SELECT Sid FROM Messages");

        getMockEndpoint("mock:row").assertIsSatisfied();
        assertThat(requests()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DELETE FROM Messages WHERE Status = 'failed'|DELETE statements are not allowed: twilio-connector SQL runs"
                    + " SELECT queries only (and EXPLAIN PLAN FOR a query); nothing was sent to Twilio",
            "SELECT Sid FORM Messages|The query is not valid SQL over the entities: Encountered \"Messages\" at line 1,"
                    + " column 17.; nothing was sent to Twilio",
            "SELECT Sid FROM Faxes|The query is not valid SQL over the entities: From line 1, column 17 to line 1,"
                    + " column 21: Object 'Faxes' not found; nothing was sent to Twilio",
            "SELECT Colour FROM Messages|The query is not valid SQL over the entities: From line 1, column 8 to line 1,"
                    + " column 13: Column 'Colour' not found in any table; nothing was sent to Twilio",
            "SELECT Sid FROM Messages WHERE Sender = ? AND Status = ?|The query takes 2 parameter(s) (?), but header"
                    + " CamelTwilioConnectorQueryParameters gives 1: [+15017122661]; nothing was sent to Twilio",
            "SELECT Sid FROM Messages WHERE DateSent >= ?|Parameter 1 of the query, '+15017122661', is not a value of"
                    + " its type: a time, an Instant or ISO-8601 text (2024-06-01, 2024-06-01T10:00:00Z); nothing was"
                    + " sent to Twilio"
    })
    void aQueryThatCannotRunFailsBeforeAnyRequest(String sql, String message) {
        Exchange exchange = call(QUERY, sql, Map.of(TwilioConnectorConstants.QUERY_PARAMETERS, List.of(SENDER)));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class).hasMessageStartingWith(message);
        assertThat(requests()).isEmpty();
    }

    @Test
    void aNestedEntityWithoutItsParentKeyIsRefusedByTheComponentBeforeAnyRequest() {
        Exchange exchange = call(QUERY, "SELECT Sid FROM CallRecordings");

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("CallRecordings List needs CallSid: give it in the filterClause (CallSid = '...') or in the payload");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aMissingQueryOrABadPageTokenIsRefusedBeforeAnyRequest() {
        assertThat(call(QUERY, "  ").getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Action ExecuteCustomQuery needs one SQL SELECT as the message body (text) or header"
                        + " CamelTwilioConnectorQuery, e.g. SELECT Status, COUNT(*) AS N FROM Messages GROUP BY Status");
        assertThat(call(QUERY + "?pageToken=PT1000", "SELECT Sid FROM Messages").getException())
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("pageToken 'PT1000' is not one of action ExecuteCustomQuery: allowed the"
                        + " CamelTwilioConnectorNextPageToken of the page before, a number of rows (e.g. 25)");
        assertThat(call(QUERY + "?pageSize=1001", "SELECT Sid FROM Messages").getException())
                .isInstanceOf(TwilioConnectorInputException.class).hasMessage("pageSize 1001 is out of range: allowed 1..1000");
        assertThat(requests()).isEmpty();
    }

    @Test
    void theQueryGoesThroughTheEndpointsOwnConnection() throws Exception {
        TwilioConnectorComponent wrongToken = sandboxConnection(sandbox);
        wrongToken.getConfiguration().setAuthToken("not-the-token");
        context.addComponent("twilio-wrong-token", wrongToken);

        Exchange exchange = call("twilio-wrong-token:actions/ExecuteCustomQuery", "SELECT COUNT(*) FROM Messages");

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorException.class);
        assertThat(((TwilioConnectorException) exchange.getException()).getStatus()).isEqualTo(401);
        assertThat(requests()).singleElement().satisfies(request -> assertThat(request.path())
                .isEqualTo(accountPath("Messages.json")));
    }

    private static String putMessage(String sender, String status, String sent) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", sender);
        fields.put("status", status);
        fields.put("date_sent", Instant.parse(sent));
        return String.valueOf(sandbox.put("Messages", fields).get("sid"));
    }

    private static Map<String, Object> row(Object... labelsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            row.put((String) labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return row;
    }
}
