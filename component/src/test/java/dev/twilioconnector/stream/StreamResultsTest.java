package dev.twilioconnector.stream;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.error.TwilioConnectorException;
import dev.twilioconnector.sandbox.Fault;
import dev.twilioconnector.sandbox.RecordedRequest;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** streamResults=true with the Split EIP: every record of a List, page by page, in Twilio's order. */
class StreamResultsTest extends SandboxTestSupport {

    private final List<String> sids = Collections.synchronizedList(new ArrayList<>());
    private final List<Instant> processed = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // a failed page is failed for good at once, rather than after the retries' back-off
        camel.getComponent("twilio-connector", TwilioConnectorComponent.class).setRetryMaxAttempts(1);
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all")
                        .to("twilio-connector:Messages/List?streamResults=true")
                        .split(body()).streaming()
                            .process(exchange -> sids.add((String) exchange.getMessage().getBody(Map.class).get("Sid")));
                from("direct:slow")
                        .to("twilio-connector:Messages/List?streamResults=true")
                        .split(body()).streaming()
                            .process(exchange -> {
                                if (processed.isEmpty()) {
                                    Thread.sleep(500);
                                }
                                processed.add(Instant.now());
                            });
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
    void theNextPageIsRequestedWhileTheRecordsOfThePageBeforeAreStillProcessed() {
        sandbox.seed("Messages", 2_345);

        callOk("direct:slow", null);

        List<RecordedRequest> pages = requests();
        assertThat(pages).hasSize(3);
        assertThat(processed).hasSize(2_345);
        assertThat(pages.get(1).received()).as("page 2 requested before the first record of page 1 was processed")
                .isBefore(processed.get(0));
        assertThat(pages.get(2).received()).as("page 3 requested before the last record of page 2 was processed")
                .isBefore(processed.get(1_999));
    }

    @Test
    void aPageThatFailsFailsTheSplitAfterTheRecordsBeforeIt() {
        sandbox.seed("Messages", 2_345);
        List<String> firstPage = sandbox.records("Messages").stream().limit(1_000).map(r -> (String) r.get("sid")).toList();
        sandbox.faults().pass(1).always(Fault.SERVICE_UNAVAILABLE);

        Exchange exchange = call("direct:all", null);

        TwilioConnectorException error = exchange.getException(TwilioConnectorException.class);
        assertThat(error).as("the exception of the split: %s", exchange.getException()).isNotNull();
        assertThat(error.getStatus()).isEqualTo(503);
        assertThat(error.getCode()).isEqualTo(20503);
        assertThat(sids).containsExactlyElementsOf(firstPage);
        assertThat(requestLines()).hasSize(2);
        assertThat(requestLines().get(1)).startsWith("GET " + accountPath("Messages.json") + "?PageSize=1000&Page=1&PageToken=");
    }

    @Test
    void anEmptyListStreamsNothing() {
        callOk("direct:all", null);

        assertThat(sids).isEmpty();
        assertThat(requestLines()).containsExactly("GET " + accountPath("Messages.json") + "?PageSize=1000");
    }

    @Test
    void aStreamPageSizeOutOfRangeIsRefusedBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Messages/List?streamResults=true&streamPageSize=1001", null);

        assertThat(exchange.getException()).hasMessage("streamPageSize 1001 is out of range: allowed 1..1000");
        assertThat(requests()).isEmpty();
    }

    @Test
    void sortByColumnsIsRefusedBeforeAnyRequest() {
        Exchange exchange = call("twilio-connector:Messages/List?streamResults=true&sortByColumns=DateSent", null);

        assertThat(exchange.getException()).hasMessage("streamResults reads records in Twilio's order, page by page;"
                + " sortByColumns 'DateSent' would need every record in memory: remove one of them");
        assertThat(requests()).isEmpty();
    }
}
