package dev.twilioconnector.nodes;

import dev.twilioconnector.support.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes run routes/forward-inbound-sms.yaml on one connection while 1,000 inbound messages arrive; the leader
 * is killed with kill -9 after about 300 have been forwarded, and every message still reaches the sink exactly once.
 */
class FailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverIT.class);
    private static final String FLOW = "forward-inbound-sms";
    private static final int MESSAGES = 1000;

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @TempDir
    Path dir;

    @Test
    void everyInboundMessageIsForwardedOnceThoughTheLeaderIsKilled() throws Exception {
        String routes = "file:" + Path.of(System.getProperty("routes.dir", "../routes")).toAbsolutePath() + "/" + FLOW + ".yaml";
        try (ConnectionOfNodes connection = ConnectionOfNodes.start(dir, DATABASE, 3, routes, Map.of("twilio.flows.poll-delay", "500"))) {
            connection.awaitStarted();
            RunnerNode leader = connection.awaitLeader(FLOW, Duration.ofSeconds(30));

            List<String> sids = new ArrayList<>();
            AtomicReference<Instant> killedAt = new AtomicReference<>();
            int forwardedAtKill = 0;
            Path sink = connection.shared("inbound-sms");
            for (int batch = 0; batch < MESSAGES / 50; batch++) {
                sids.addAll(connection.sandbox().putInboundMessages(messages(batch * 50, 50)));
                if (killedAt.get() == null && forwarded(sink).size() >= 300) {
                    forwardedAtKill = forwarded(sink).size();
                    leader.kill();
                    killedAt.set(Instant.now());
                }
                Thread.sleep(100);
            }
            if (killedAt.get() == null) {
                await().atMost(Duration.ofSeconds(60)).until(() -> forwarded(sink).size() >= 300);
                forwardedAtKill = forwarded(sink).size();
                leader.kill();
                killedAt.set(Instant.now());
            }
            RunnerNode next = connection.awaitLeader(FLOW, Duration.ofSeconds(60));
            Duration takeover = Duration.between(killedAt.get(), Instant.now());

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> forwarded(sink).size() >= MESSAGES);
            Thread.sleep(2 * 500 + 1000);

            assertThat(next).isNotSameAs(leader);
            assertThat(forwarded(sink)).containsExactlyInAnyOrderElementsOf(new TreeSet<>(sids)).hasSize(MESSAGES);
            Map<String, Long> deliveries = new LinkedHashMap<>();
            for (RunnerNode node : connection.nodes()) {
                for (String line : node.logLines("Inbound SMS: ")) {
                    sids.stream().filter(line::contains).findFirst().ifPresent(sid -> deliveries.merge(sid, 1L, Long::sum));
                }
            }
            List<String> twice = deliveries.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList();
            List<String> redelivered = connection.nodes().stream().flatMap(node -> node.logLines("comes again after a failover").stream())
                    .flatMap(line -> sids.stream().filter(line::contains)).distinct().toList();
            LOG.warn("Failover: {} messages, {} forwarded, {} files in the sink; leader {} killed after {} forwarded, {} took over"
                            + " in {} ms (acquire-lock-interval {} ms); {} messages delivered twice, {} marked redelivered",
                    MESSAGES, deliveries.size(), forwarded(sink).size(), leader.id(), forwardedAtKill, next.id(), takeover.toMillis(),
                    ConnectionOfNodes.ACQUIRE_LOCK_INTERVAL.toMillis(), twice.size(), redelivered.size());
            assertThat(deliveries).hasSize(MESSAGES);
            assertThat(redelivered).containsAll(twice);
            assertThat(takeover).isLessThan(Duration.ofSeconds(60));
        }
    }

    private static List<Map<String, Object>> messages(int first, int count) {
        List<Map<String, Object>> messages = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = first; i < first + count; i++) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("direction", "inbound");
            message.put("status", "received");
            message.put("from", "+15550001111");
            message.put("to", "+15017122661");
            message.put("body", "inbound #" + i);
            message.put("date_sent", now.toString());
            messages.add(message);
        }
        return messages;
    }

    /** The SIDs whose file the flow wrote to the sink, one file a message. */
    private static Set<String> forwarded(Path sink) throws IOException {
        if (!Files.isDirectory(sink)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(sink)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
