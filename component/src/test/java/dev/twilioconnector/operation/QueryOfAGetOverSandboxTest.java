package dev.twilioconnector.operation;

import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query parameter that Twilio defines on an operation other than List (the 2010 API's {@code IncludeSoftDeleted} of
 * a Recording's fetch) is sent from the filterClause or the payload, checked first, and still a List filter.
 */
class QueryOfAGetOverSandboxTest extends SandboxTestSupport {

    private static final String RECORDING = "RE2e915e78549694bd0a0742d2d39454e5";

    @Test
    void theQueryOfAGetComesFromTheFilterClauseOrThePayload() {
        sandbox.put("Recordings", Map.of("sid", RECORDING));

        Object fromClause = callOk("twilio-connector:Recordings/Get?entityId=" + RECORDING, null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "IncludeSoftDeleted = true"));
        callOk("twilio-connector:Recordings/Get?entityId=" + RECORDING, Map.of("IncludeSoftDeleted", false));
        callOk("twilio-connector:Recordings/List", null,
                Map.of(TwilioConnectorConstants.FILTER_CLAUSE, "IncludeSoftDeleted = true"));

        assertThat(fromClause).isInstanceOf(Map.class).extracting(record -> ((Map<?, ?>) record).get("Sid"))
                .isEqualTo(RECORDING);
        assertThat(requestLines()).containsExactly(
                "GET " + accountPath("Recordings/" + RECORDING + ".json") + "?IncludeSoftDeleted=true",
                "GET " + accountPath("Recordings/" + RECORDING + ".json") + "?IncludeSoftDeleted=false",
                "GET " + accountPath("Recordings.json") + "?IncludeSoftDeleted=true&PageSize=25");
    }

    @Test
    void aQueryValueOfTheWrongTypeIsRefusedBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Recordings/Get?entityId=" + RECORDING, Map.of("IncludeSoftDeleted", "maybe"));

        assertThat(exchange.getException()).isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("Field IncludeSoftDeleted of Recordings takes true or false, not 'maybe'");
        assertThat(requests()).isEmpty();
    }
}
