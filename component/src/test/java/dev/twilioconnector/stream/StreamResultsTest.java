package dev.twilioconnector.stream;

import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** streamResults=true with the Split EIP: every record of a List, page by page, in Twilio's order. */
class StreamResultsTest extends SandboxTestSupport {

    private final List<String> sids = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all")
                        .to("twilio-connector:Messages/List?streamResults=true")
                        .split(body()).streaming()
                            .process(exchange -> sids.add((String) exchange.getMessage().getBody(Map.class).get("Sid")));
            }
        };
    }

    @Test
    void splitsEveryRecordOfAListOfSeveralPagesInTwiliosOrder() {
        sandbox.seed("Messages", 2_345);
        List<String> expected = sandbox.records("Messages").stream().map(r -> (String) r.get("sid")).toList();

        callOk("direct:all", null);

        assertThat(sids).containsExactlyElementsOf(expected);
        assertThat(requestLines()).hasSize(3);
        assertThat(requestLines().get(0)).isEqualTo("GET " + accountPath("Messages.json") + "?PageSize=1000");
        assertThat(requestLines().get(1)).startsWith("GET " + accountPath("Messages.json") + "?PageSize=1000&Page=1&PageToken=");
        assertThat(requestLines().get(2)).startsWith("GET " + accountPath("Messages.json") + "?PageSize=1000&Page=2&PageToken=");
    }

    @Test
    void anEmptyListStreamsNothing() {
        callOk("direct:all", null);

        assertThat(sids).isEmpty();
        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages.json") + "?PageSize=1000");
    }

    @Test
    void sortByColumnsIsRefusedBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Messages/List?streamResults=true&sortByColumns=DateSent", null);

        assertThat(exchange.getException()).hasMessage("streamResults reads records in Twilio's order, page by page;"
                + " sortByColumns 'DateSent' would need every record in memory: remove one of them");
        assertThat(requests()).isEmpty();
    }
}
