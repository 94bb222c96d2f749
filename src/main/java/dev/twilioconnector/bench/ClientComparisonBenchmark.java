package dev.twilioconnector.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The connector beside what a Java user would pick instead, doing the same Messages Get, Create and List of one page
 * of 50 against one loopback server in a JVM of its own ({@link LoopbackTwilioServer}) that answers at once: raw
 * Apache HttpClient 5 with Jackson, Twilio's Java SDK 11, and the connector through a ProducerTemplate with its
 * throttle out of the way. Each client runs in a JVM of its own ({@link ClientWorker}), as a user's application holds
 * one: in one JVM the code the three share (HttpClient, Jackson) would be compiled for their mix, and which client
 * gained or lost by that would change from run to run. After each client's warm-up, rounds alternate between the
 * clients, one at a time; it prints each figure per request over the rounds (wall time, CPU of the calling thread,
 * CPU of the whole client JVM with its background threads, bytes allocated by the calling thread, the server's CPU)
 * with the ratios connector / SDK and connector / raw, then each client's throughput with 8 threads.
 *
 * <p>Run from the repository root; the reactor builds the modules it needs and the {@code bench} profile of
 * {@code src/pom.xml} starts a JVM on the module's class path:
 *
 * <pre>
 * mvn -B -q -pl src -am package -DskipTests -Dbench=ClientComparisonBenchmark \
 *     [-Dbench.jvmArgs="-Dbench.rounds=10 -Dbench.warmupSeconds=20 -Dbench.throughputSeconds=5 -Dbench.threads=8
 *                       -Dbench.clients=raw,sdk,connector -Dbench.operations=get,create,list
 *                       -Dbench.clientJvmArgs=-Xmx1g"]
 * </pre>
 */
public final class ClientComparisonBenchmark {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    static final String MESSAGE_SID = "SM0123456789abcdef0123456789abcdef";
    private static final String LAST_LISTED_SID = String.format("SM%032x", CannedTwilioResponses.PAGE_SIZE);

    enum Operation {
        GET("Messages Get", 2_000, MESSAGE_SID),
        CREATE("Messages Create", 2_000, MESSAGE_SID),
        LIST("Messages List, page of " + CannedTwilioResponses.PAGE_SIZE, 300, LAST_LISTED_SID);

        final String label;
        final int batch;
        final String expectedSid;

        Operation(String label, int batch, String expectedSid) {
            this.label = label;
            this.batch = batch;
            this.expectedSid = expectedSid;
        }

        String call(MessagesClient client) throws Exception {
            return switch (this) {
                case GET -> client.get();
                case CREATE -> client.create();
                case LIST -> client.list();
            };
        }
    }

    private ClientComparisonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 10);
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 20);
        int throughputSeconds = Integer.getInteger("bench.throughputSeconds", 5);
        int threads = Integer.getInteger("bench.threads", 8);
        List<String> names = Arrays.stream(System.getProperty("bench.clients", "raw,sdk,connector").split(","))
                .map(String::trim).toList();
        for (String name : names) {
            if (!List.of("raw", "sdk", "connector").contains(name)) {
                throw new IllegalArgumentException("bench.clients: unknown client '" + name
                        + "'; the clients are raw, sdk and connector");
            }
        }
        List<Operation> operations = operations(System.getProperty("bench.operations", "get,create,list"));
        // one argument may be a JDK @argfile, for options with spaces (a JFR recording: docs/testing.md)
        List<String> clientJvmArgs = Arrays.asList(System.getProperty("bench.clientJvmArgs", "-Xmx1g").trim().split("\\s+"));
        try (LoopbackServerProcess server = LoopbackServerProcess.start(ACCOUNT_SID, MESSAGE_SID)) {
            Map<String, ClientProcess> clients = new LinkedHashMap<>();
            try {
                for (String name : names) {
                    clients.put(name, ClientProcess.start(name, server.baseUrl(), clientJvmArgs));
                }
                System.out.printf("%s, %d cores, %s; server on %s, each client in a JVM of its own (%s)%n",
                        System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), server.baseUrl(), String.join(" ", clientJvmArgs));
                for (ClientProcess client : clients.values()) {
                    client.warmUp(warmupSeconds, operations);
                }
                Map<String, Map<Operation, RequestCost>> costs = alternatingRounds(clients, operations, rounds, server);
                printCosts(clients, operations, costs, rounds);
                printThroughput(clients, operations, threads, throughputSeconds);
            } finally {
                for (ClientProcess client : clients.values()) {
                    client.close();
                }
            }
        }
    }

    private static List<Operation> operations(String names) {
        List<Operation> operations = new ArrayList<>();
        for (String name : names.split(",")) {
            try {
                operations.add(Operation.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bench.operations: unknown operation '" + name
                        + "'; the operations are get, create and list", e);
            }
        }
        return operations;
    }

    private static Map<String, Map<Operation, RequestCost>> alternatingRounds(Map<String, ClientProcess> clients,
            List<Operation> operations, int rounds, LoopbackServerProcess server) throws Exception {
        List<ClientProcess> order = new ArrayList<>(clients.values());
        Map<String, Map<Operation, List<RequestCost>>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < order.size(); i++) {
                // each client takes its turn first, so none always follows the same neighbour
                ClientProcess client = order.get((i + round) % order.size());
                for (Operation operation : operations) {
                    samples.computeIfAbsent(client.client(), c -> new LinkedHashMap<>())
                            .computeIfAbsent(operation, o -> new ArrayList<>()).add(client.round(operation, server));
                }
            }
        }
        Map<String, Map<Operation, RequestCost>> summaries = new LinkedHashMap<>();
        samples.forEach((client, byOperation) -> byOperation.forEach((operation, costs) ->
                summaries.computeIfAbsent(client, c -> new LinkedHashMap<>()).put(operation, RequestCost.summary(costs))));
        return summaries;
    }

    private static void printCosts(Map<String, ClientProcess> clients, List<Operation> operations,
            Map<String, Map<Operation, RequestCost>> costs, int rounds) {
        boolean bySdk = clients.containsKey("connector") && clients.containsKey("sdk");
        boolean byRaw = clients.containsKey("connector") && clients.containsKey("raw");
        System.out.printf("%nper request, one thread, %d alternating rounds: median of the wall time, the thread's CPU and "
                + "allocation; mean of the JVMs' CPU%n%n", rounds);
        StringBuilder header = new StringBuilder("| per request |");
        StringBuilder rule = new StringBuilder("|---|");
        for (ClientProcess client : clients.values()) {
            header.append(' ').append(client.label()).append(" |");
            rule.append("---|");
        }
        if (bySdk) {
            header.append(" connector / SDK |");
            rule.append("---|");
        }
        if (byRaw) {
            header.append(" connector / raw |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Operation operation : operations) {
            row(operation.label + ", wall", clients, costs, operation, RequestCost::wallNanos, 1e3, "µs", bySdk, byRaw);
            row(operation.label + ", CPU calling thread", clients, costs, operation, RequestCost::threadCpuNanos, 1e3,
                    "µs", bySdk, byRaw);
            row(operation.label + ", CPU client JVM", clients, costs, operation, RequestCost::processCpuNanos, 1e3,
                    "µs", bySdk, byRaw);
            row(operation.label + ", allocated", clients, costs, operation, RequestCost::allocatedBytes, 1024, "KiB",
                    bySdk, byRaw);
            row(operation.label + ", CPU server JVM", clients, costs, operation, RequestCost::serverCpuNanos, 1e3, "µs",
                    bySdk, byRaw);
        }
    }

    private static void row(String label, Map<String, ClientProcess> clients, Map<String, Map<Operation, RequestCost>> costs,
            Operation operation, ToDoubleFunction<RequestCost> figure, double unit, String unitName, boolean bySdk,
            boolean byRaw) {
        StringBuilder line = new StringBuilder("| " + label + " |");
        for (String client : clients.keySet()) {
            line.append(String.format(" %.1f %s |", figure.applyAsDouble(costs.get(client).get(operation)) / unit, unitName));
        }
        if (bySdk) {
            line.append(String.format(" %.2f |", ratio(costs, operation, figure, "sdk")));
        }
        if (byRaw) {
            line.append(String.format(" %.2f |", ratio(costs, operation, figure, "raw")));
        }
        System.out.println(line);
    }

    private static double ratio(Map<String, Map<Operation, RequestCost>> costs, Operation operation,
            ToDoubleFunction<RequestCost> figure, String to) {
        return figure.applyAsDouble(costs.get("connector").get(operation)) / figure.applyAsDouble(costs.get(to).get(operation));
    }

    private static void printThroughput(Map<String, ClientProcess> clients, List<Operation> operations, int threads,
            int seconds) throws Exception {
        System.out.printf("%n%d threads, %d s each, requests per second (CPU of the client JVM per request)%n%n", threads,
                seconds);
        StringBuilder header = new StringBuilder("| ").append(threads).append(" threads |");
        StringBuilder rule = new StringBuilder("|---|");
        for (ClientProcess client : clients.values()) {
            header.append(' ').append(client.label()).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Operation operation : operations) {
            StringBuilder line = new StringBuilder("| " + operation.label + " |");
            for (ClientProcess client : clients.values()) {
                ClientProcess.Throughput throughput = client.throughput(operation, threads, seconds);
                line.append(String.format(" %.0f/s (%.0f µs) |", throughput.requestsPerSecond(),
                        throughput.cpuNanosPerRequest() / 1e3));
            }
            System.out.println(line);
        }
    }
}
