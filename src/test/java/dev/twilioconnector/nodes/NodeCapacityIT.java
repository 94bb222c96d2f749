package dev.twilioconnector.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twilioconnector.support.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Capacity grows with the nodes: three nodes sending Creates flat out each keep to their own 25 a second and
 * together send about 75; against an account that admits fewer, they retry what Twilio turned away with 429,
 * slow themselves down, and lose nothing.
 */
class NodeCapacityIT {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCapacityIT.class);
    private static final long SECOND = 1_000_000_000L;
    private static final int NODES = 3;

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @TempDir
    Path dir;

    @Test
    void threeNodesEachSendTheirOwn25ASecond() throws Exception {
        int items = 400;
        try (ConnectionOfNodes connection = ConnectionOfNodes.start(dir, DATABASE, NODES, floodRoute(items), Map.of("flood.node", "{node}"))) {
            List<JsonNode> creates = awaitCreates(connection, NODES * items);

            Map<String, List<Long>> byNode = arrivalsByNode(creates);
            assertThat(byNode).hasSize(NODES);
            double totalRate = rateWhileAllSent(creates);
            Map<String, Integer> busiest = new TreeMap<>();
            byNode.forEach((node, arrivals) -> busiest.put(node, busiestSecond(arrivals)));
            LOG.warn("Three nodes flat out: busiest 1 s window per node {}, {} requests/s in all while all three sent",
                    busiest, String.format("%.1f", totalRate));

            assertThat(busiest.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(25));
            assertThat(totalRate).isBetween(65.0, 75.0);
        }
    }

    @Test
    void nodesSettleUnderTheAccountsLimitWithoutLosingACreate() throws Exception {
        int items = 300;
        int accountLimit = 40;
        try (ConnectionOfNodes connection = ConnectionOfNodes.start(dir, DATABASE, NODES, floodRoute(items),
                Map.of("flood.node", "{node}", "twilio.retryMaxAttempts", "12"))) {
            connection.sandbox().limitAccount(accountLimit);
            List<JsonNode> requests = awaitCreates(connection, NODES * items);

            Map<String, List<Integer>> statusesByBody = new LinkedHashMap<>();
            for (JsonNode request : requests) {
                statusesByBody.computeIfAbsent(body(request), body -> new ArrayList<>()).add(request.get("status").asInt());
            }
            assertThat(statusesByBody).hasSize(NODES * items);
            statusesByBody.forEach((body, statuses) -> {
                assertThat(statuses.get(statuses.size() - 1)).as("the last request of " + body).isEqualTo(201);
                assertThat(statuses.subList(0, statuses.size() - 1)).as("the earlier requests of " + body)
                        .allSatisfy(status -> assertThat(status).isEqualTo(429));
            });
            long first = requests.get(0).get("receivedNanos").asLong();
            long last = requests.get(requests.size() - 1).get("receivedNanos").asLong();
            long third = (last - first) / 3;
            double early = refusedShare(requests, first, first + third);
            double late = refusedShare(requests, last - third, last);
            long refused = requests.stream().filter(request -> request.get("status").asInt() == 429).count();
            List<JsonNode> admitted = requests.stream().filter(request -> request.get("status").asInt() == 201).toList();
            List<String> rates = connection.nodes().stream().map(node -> node.id() + "=" + node.metric("twilio_connector_throttle_rate")).toList();
            LOG.warn("Three nodes against an account that admits {}/s: {} Creates in {} requests, {} refused with 429;"
                            + " 429 share {}% in the first third of the run, {}% in the last; {} Creates/s admitted while all"
                            + " three sent; node throttle rates at the end {}",
                    accountLimit, NODES * items, requests.size(), refused, Math.round(early * 100), Math.round(late * 100),
                    String.format("%.1f", rateWhileAllSent(admitted)), rates);

            assertThat(late).isLessThan(early);
        }
    }

    /** A flow that sends {@code items} Creates from ten threads, each Body naming the node and the item. */
    private String floodRoute(int items) throws Exception {
        String list = IntStream.rangeClosed(1, items).mapToObj(String::valueOf).collect(Collectors.joining(","));
        Path route = dir.resolve("flood.yaml");
        Files.writeString(route, """
                - route:
                    id: flood
                    from:
                      uri: "timer:flood"
                      parameters:
                        repeatCount: 1
                        # after every node has booted: a node flooding while two JVMs start beside it on two cores
                        # is counted by a sandbox whose arrival stamps jitter, and once showed 26 in its busiest second
                        delay: 10000
                      steps:
                        - setBody:
                            constant: "%s"
                        - split:
                            tokenize:
                              token: ","
                            parallelProcessing: true
                            steps:
                              - setBody:
                                  simple: '{"To": "+15558675310", "Sender": "+15017122661", "Body": "{{flood.node}} #${body}"}'
                              - to: "twilio-connector:Messages/Create"
                """.formatted(list));
        return "file:" + route.toAbsolutePath();
    }

    private static List<JsonNode> awaitCreates(ConnectionOfNodes connection, int created) {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> creates(connection).stream().filter(request -> request.get("status").asInt() == 201).count() >= created);
        return creates(connection);
    }

    private static List<JsonNode> creates(ConnectionOfNodes connection) {
        return connection.sandbox().requests().stream()
                .filter(request -> "POST".equals(request.get("method").asText()) && request.get("path").asText().endsWith("/Messages.json"))
                .toList();
    }

    private static String body(JsonNode request) {
        return request.path("formParams").path("Body").path(0).asText();
    }

    private static Map<String, List<Long>> arrivalsByNode(List<JsonNode> creates) {
        Map<String, List<Long>> byNode = new TreeMap<>();
        for (JsonNode request : creates) {
            String node = body(request).split(" ")[0];
            byNode.computeIfAbsent(node, key -> new ArrayList<>()).add(request.get("receivedNanos").asLong());
        }
        byNode.values().forEach(arrivals -> arrivals.sort(Long::compare));
        return byNode;
    }

    /** Requests a second in all, over the time every node was sending: from the last node's first to the first's last. */
    private static double rateWhileAllSent(List<JsonNode> requests) {
        Map<String, List<Long>> byNode = arrivalsByNode(requests);
        long start = byNode.values().stream().mapToLong(arrivals -> arrivals.get(0)).max().orElseThrow();
        long end = byNode.values().stream().mapToLong(arrivals -> arrivals.get(arrivals.size() - 1)).min().orElseThrow();
        assertThat(end - start).as("the time all nodes sent").isGreaterThan(5 * SECOND);
        long together = requests.stream().mapToLong(request -> request.get("receivedNanos").asLong())
                .filter(at -> at >= start && at <= end).count();
        return together * (double) SECOND / (end - start);
    }

    /** The most requests that arrived within any one second. */
    private static int busiestSecond(List<Long> arrivals) {
        int busiest = 0;
        int from = 0;
        for (int to = 0; to < arrivals.size(); to++) {
            while (arrivals.get(to) - arrivals.get(from) >= SECOND) {
                from++;
            }
            busiest = Math.max(busiest, to - from + 1);
        }
        return busiest;
    }

    private static double refusedShare(List<JsonNode> requests, long from, long to) {
        List<JsonNode> inside = requests.stream().filter(request -> {
            long at = request.get("receivedNanos").asLong();
            return at >= from && at <= to;
        }).toList();
        return inside.stream().filter(request -> request.get("status").asInt() == 429).count() / (double) inside.size();
    }
}
