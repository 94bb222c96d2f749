package dev.twilioconnector.stream;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.support.RequestWindows;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every page a stream or a poll reads takes its turn at the node throttle: at 2 requests a second, the sandbox sees
 * no more than 2 of the pages in any second. (Not "a turn apart": a page written late after its turn, on a busy
 * machine, may arrive closer to the next one than a turn, and the throttle still keeps the second.)
 */
class ThrottledPagesTest extends SandboxTestSupport {

    private static final int TRANSACTIONS_PER_SECOND = 2;

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("twilio-connector", TwilioConnectorComponent.class).getConfiguration().setTransactionsPerSecond(TRANSACTIONS_PER_SECOND);
        return camel;
    }

    /**
     * One request, not measured, before those that are: a cold client's first request reaches Twilio well after its
     * turn (connection set-up, class loading), which would shorten the gap to the second by that much.
     */
    private void warmUp() {
        callOk("twilio-connector:Messages/List?pageSize=1", null);
        sandbox.clearRequests();
    }

    private static String arrivals() {
        return "arrivals " + requests().stream().map(request -> request.received().toString()).toList();
    }

    @Test
    void everyStreamedPageIsThrottled() {
        sandbox.seed("Messages", 8);
        context.start();
        warmUp();

        Iterator<?> records = producer.requestBody("twilio-connector:Messages/List?streamResults=true&streamPageSize=2",
                null, Iterator.class);
        int count = 0;
        while (records.hasNext()) {
            records.next();
            count++;
        }

        assertThat(count).isEqualTo(8);
        assertThat(requestLines()).hasSize(4).first().isEqualTo("GET " + accountPath("Messages.json") + "?PageSize=2");
        assertThat(new RequestWindows(requests()).busiestSecond()).as(arrivals()).isLessThanOrEqualTo(TRANSACTIONS_PER_SECOND);
    }

    @Test
    void everyPageOfEveryPollIsThrottled() throws Exception {
        sandbox.seed("Messages", 8);
        context.getRegistry().bind("cursors", new MemoryStateRepository());
        context.start();
        warmUp();
        AtomicInteger delivered = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("twilio-connector:Messages/List?initialDelay=0&delay=10&streamPageSize=2&stateRepository=#cursors")
                        .routeId("poller").process(exchange -> delivered.incrementAndGet());
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.get() == 8 && requests().size() >= 6);
        context.getRouteController().stopRoute("poller");

        assertThat(requestLines().subList(0, 4)).allSatisfy(line -> assertThat(line)
                .startsWith("GET " + accountPath("Messages.json") + "?PageSize=2"));
        assertThat(new RequestWindows(requests()).busiestSecond()).as(arrivals()).isLessThanOrEqualTo(TRANSACTIONS_PER_SECOND);
    }
}
