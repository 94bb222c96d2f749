package dev.twilioconnector;

import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each clause: the exact query string Twilio receives (what Twilio evaluates) and the records the
 * route gets (after the rest of the clause is evaluated on each record).
 */
class FilterPushdownTest extends SandboxTestSupport {

    @BeforeEach
    void messages() {
        message("SM00000000000000000000000000000001", "+15551234567", "+15017122661", "delivered", "2024-05-31T23:59:59Z", "see you", 1);
        message("SM00000000000000000000000000000002", "+15551234567", "+15017122661", "delivered", "2024-06-01T00:00:00Z", "refund please", 1);
        message("SM00000000000000000000000000000003", "+15559999999", "+15017122661", "failed", "2024-06-01T12:00:00Z", "hello", 2);
        message("SM00000000000000000000000000000004", "+15551234567", "+15550000000", "delivered", "2024-06-02T08:30:00Z", "Refund", 3);
        message("SM00000000000000000000000000000005", "+15559999999", "+15550000000", "undelivered", "2024-06-03T10:00:00Z", null, 1);
        sandbox.clearRequests();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            To = '+15551234567'                                          | To=%2B15551234567&PageSize=25                         | 4,2,1
            Sender = '+15550000000'                                      | From=%2B15550000000&PageSize=25                       | 5,4
            From = '+15550000000' AND To = '+15559999999'                | From=%2B15550000000&To=%2B15559999999&PageSize=25     | 5
            DateSent >= '2024-06-01'                                     | DateSent%3E=2024-06-01&PageSize=25                    | 5,4,3,2
            DateSent <= '2024-06-01'                                     | DateSent%3C=2024-06-01&PageSize=25                    | 3,2,1
            DateSent > '2024-06-01'                                      | DateSent%3E=2024-06-01&PageSize=25                    | 5,4
            DateSent = '2024-06-01'                                      | DateSent=2024-06-01&PageSize=25                       | 3,2
            DateSent >= '2024-06-01T06:00:00Z' AND DateSent < '2024-06-03' | DateSent%3E=2024-06-01T06%3A00%3A00Z&DateSent%3C=2024-06-03&PageSize=25 | 4,3
            Status = 'delivered'                                         | PageSize=25                                           | 4,2,1
            Status = 'delivered' AND DateSent >= '2024-06-01' AND (To = '+15551234567' OR Body LIKE '%refund%') | DateSent%3E=2024-06-01&PageSize=25 | 4,2
            To = '+15551234567' OR To = '+15559999999'                   | PageSize=25                                           | 5,4,3,2,1
            NOT Status = 'delivered'                                     | PageSize=25                                           | 5,3
            Body IS NULL                                                 | PageSize=25                                           | 5
            NumSegments > 1 AND Status IN ('delivered', 'failed')        | PageSize=25                                           | 4,3
            Body LIKE 'Refund%' OR Body LIKE 'refund%'                   | PageSize=25                                           | 4,2
            """)
    void clauseIsSplitBetweenTwilioAndTheConnector(String clause, String query, String kept) {
        List<?> records = (List<?>) callOk("twilio-connector:Messages/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, clause));

        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages.json") + "?" + query);
        assertThat(sids(records)).containsExactlyElementsOf(Arrays.stream(kept.split(","))
                .map(n -> "SM0000000000000000000000000000000" + n).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SM00000000000000000000000000000003                            | 3
            Sid = 'SM00000000000000000000000000000004' AND Status = 'failed' | -
            """)
    void aSidConditionReadsThatOneRecordInsteadOfListing(String clause, String kept) {
        List<?> records = (List<?>) callOk("twilio-connector:Messages/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, clause));

        String sid = clause.replaceAll(".*(SM0{31}\\d).*", "$1");
        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages/" + sid + ".json"));
        assertThat(sids(records)).containsExactlyElementsOf(
                "-".equals(kept) ? List.of() : List.of("SM0000000000000000000000000000000" + kept));
    }

    private static List<Object> sids(List<?> records) {
        return records.stream().map(record -> (Object) ((Map<?, ?>) record).get("Sid")).toList();
    }

    private static void message(String sid, String to, String from, String status, String dateSent, String body, int segments) {
        Map<String, Object> fields = new HashMap<>(Map.of("sid", sid, "to", to, "from", from, "status", status,
                "date_sent", dateSent, "date_created", dateSent, "num_segments", Integer.toString(segments)));
        fields.put("body", body);
        sandbox.put("Messages", fields);
    }
}
