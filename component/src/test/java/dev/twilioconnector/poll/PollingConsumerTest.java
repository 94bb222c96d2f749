package dev.twilioconnector.poll;

import dev.twilioconnector.TwilioConnectorEndpoint;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The polling consumer against the sandbox: each record once, oldest first, across restarts, with records that
 * share a timestamp, with lookback updates, and with a failed exchange retried.
 */
class PollingConsumerTest extends SandboxTestSupport {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));

    @TempDir
    Path stateDir;

    private final List<Exchange> received = Collections.synchronizedList(new ArrayList<>());
    private final MemoryStateRepository cursors = new MemoryStateRepository();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // routes are added by each test, with the options it exercises
            }
        };
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void deliversRecordsCreatedWhileStoppedAndNoneTwiceAcrossARestartMidStream() throws Exception {
        List<String> first = putMessages(25, 0, 1);
        String uri = "twilio-connector:Messages/List?delay=50&maxMessagesPerPoll=10&stateFile=" + stateDir.resolve("poller.state");
        AtomicInteger count = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poller").process(exchange -> {
                    received.add(exchange.copy());
                    if (count.incrementAndGet() == 13) {
                        // the route stops in the middle of its second batch, as an operator or a crash would stop it;
                        // this exchange waits until the stop has begun, so that a busy machine cannot let the rest of
                        // the batch through first
                        new Thread(() -> stopRoute("poller")).start();
                        ScheduledBatchPollingConsumer consumer =
                                (ScheduledBatchPollingConsumer) context.getRoute("poller").getConsumer();
                        await().atMost(Duration.ofSeconds(10)).until(() -> !consumer.isBatchAllowed());
                    }
                });
            }
        });
        context.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getRouteController().getRouteStatus("poller").isStopped());
        int beforeRestart = received.size();
        List<String> whileStopped = putMessages(5, 25, 1);

        context.getRouteController().startRoute("poller");
        List<String> expected = new ArrayList<>(first);
        expected.addAll(whileStopped);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= expected.size());
        Thread.sleep(300);

        assertThat(beforeRestart).isBetween(13, 24);
        assertThat(sids()).containsExactlyElementsOf(expected);
        assertThat(Files.readString(stateDir.resolve("poller.state"))).contains(expected.get(expected.size() - 1));
    }

    @Test
    void recordsSharingATimestampAreNeitherSkippedNorRepeated() throws Exception {
        List<String> sameSecond = putMessages(7, 0, 0);
        startPoller("twilio-connector:Messages/List?delay=50&maxMessagesPerPoll=3&stateRepository=#cursors&stateKey=shared");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 7);

        List<String> laterInTheSameSecond = putMessages(2, 0, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 9);
        Thread.sleep(300);

        List<String> expected = new ArrayList<>(sameSecond.stream().sorted().toList());
        expected.addAll(laterInTheSameSecond.stream().sorted().toList());
        assertThat(sids()).containsExactlyElementsOf(expected);
        assertThat(received).allSatisfy(exchange ->
                assertThat(exchange.getMessage().getHeader(TwilioConnectorConstants.CHANGE)).isEqualTo("created"));
        assertThat(requestLines()).last().asString()
                .isEqualTo("GET " + accountPath("Messages.json") + "?DateSent%3E=" + T0.toString().replace(":", "%3A") + "&PageSize=1000");
    }

    @Test
    void lookbackDeliversARecordAgainWhenItsStatusChanged() throws Exception {
        List<String> sids = putMessages(3, 0, 60);
        startPoller("twilio-connector:Messages/List?delay=50&lookback=2h&stateRepository=#cursors&stateKey=lookback");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);

        Map<String, Object> delivered = new LinkedHashMap<>(sandbox.records("Messages").stream()
                .filter(r -> r.get("sid").equals(sids.get(1))).findFirst().orElseThrow());
        delivered.put("status", "delivered");
        sandbox.put("Messages", delivered);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 4);
        Thread.sleep(300);

        assertThat(received).hasSize(4);
        Exchange update = received.get(3);
        assertThat(update.getMessage().getHeader(TwilioConnectorConstants.CHANGE)).isEqualTo("updated");
        assertThat(update.getMessage().getBody(Map.class)).containsEntry("Sid", sids.get(1)).containsEntry("Status", "delivered");
        assertThat(received.subList(0, 3)).allSatisfy(exchange ->
                assertThat(exchange.getMessage().getHeader(TwilioConnectorConstants.CHANGE)).isEqualTo("created"));
    }

    @Test
    void aFailedExchangeIsDeliveredAgainByTheNextPollAndNothingAfterItIsSkipped() throws Exception {
        List<String> sids = putMessages(4, 0, 1);
        AtomicInteger failures = new AtomicInteger();
        context.getRegistry().bind("cursors", cursors);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("twilio-connector:Messages/List?delay=50&stateRepository=#cursors&stateKey=retry").routeId("poller")
                        .process(exchange -> {
                            received.add(exchange.copy());
                            if (sids.get(1).equals(exchange.getMessage().getBody(Map.class).get("Sid"))
                                    && failures.getAndIncrement() == 0) {
                                throw new IllegalStateException("downstream is down");
                            }
                        });
            }
        });
        context.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 5);
        Thread.sleep(300);

        assertThat(sids()).containsExactly(sids.get(0), sids.get(1), sids.get(1), sids.get(2), sids.get(3));
        // the failed record reached the route before; those after it in its batch never did
        assertThat(received).extracting(exchange -> exchange.getMessage().getHeader(TwilioConnectorConstants.REDELIVERED))
                .containsExactly(false, false, true, false, false);
    }

    @Test
    void sinceStartsAFreshPollerAtThatTime() throws Exception {
        List<String> sids = putMessages(4, 0, 60);
        startPoller("twilio-connector:Messages/List?delay=50&stateRepository=#cursors&stateKey=since&since=" + T0.plusSeconds(120));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        Thread.sleep(300);

        assertThat(sids()).containsExactly(sids.get(2), sids.get(3));
    }

    @Test
    void pollsEveryTenSecondsUnlessToldOtherwise() {
        assertThat(context.getEndpoint("twilio-connector:Calls/List", TwilioConnectorEndpoint.class).getDelay()).isEqualTo(10_000);
        assertThat(context.getEndpoint("twilio-connector:Calls/List?delay=5000", TwilioConnectorEndpoint.class).getDelay())
                .isEqualTo(5_000);
    }

    @Test
    void onlyAListCanStartARoute() {
        context.getRegistry().bind("cursors", cursors);
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("twilio-connector:Messages/Create").to("mock:never");
                }
            });
            context.start();
        });
        assertThat(rootMessage(failure)).isEqualTo("twilio-connector:Messages/Create cannot start a route: a consumer polls a List,"
                + " e.g. twilio-connector:Messages/List, or receives webhooks, twilio-connector:webhook/<path>");
        assertThat(requests()).isEmpty();
    }

    private void startPoller(String uri) throws Exception {
        context.getRegistry().bind("cursors", cursors);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poller").process(exchange -> received.add(exchange.copy()));
            }
        });
        context.start();
    }

    private void stopRoute(String routeId) {
        try {
            context.getRouteController().stopRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores inbound messages sent {@code step} seconds apart from T0 + offset seconds; returns their SIDs in that order. */
    private static List<String> putMessages(int count, int offset, int step) {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("date_sent", T0.plusSeconds(offset + (long) i * step));
            fields.put("status", "received");
            fields.put("direction", "inbound");
            fields.put("body", "message " + (offset + i));
            sids.add(String.valueOf(sandbox.put("Messages", fields).get("sid")));
        }
        return sids;
    }

    private List<String> sids() {
        return received.stream().map(e -> String.valueOf(e.getMessage().getBody(Map.class).get("Sid"))).toList();
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
