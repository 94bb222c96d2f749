package dev.twilioconnector.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The connector beside what a Java user would pick instead, doing the same Messages Get, Create and List of one page
 * of 50 against one loopback server in a JVM of its own ({@link LoopbackTwilioServer}) that answers at once: raw
 * Apache HttpClient 5 with Jackson, Twilio's Java SDK 11, and the connector through a ProducerTemplate with its
 * throttle out of the way. After a warm-up, rounds alternate between the clients on one thread; it prints each figure
 * per request over the rounds (wall time, CPU of the calling thread, CPU of the whole client JVM with its background
 * threads, bytes allocated by the calling thread, the server's CPU) with the ratios connector / SDK and
 * connector / raw, then each client's throughput with 8 threads.
 *
 * <p>Run from the repository root; the reactor builds the modules it needs and the {@code bench} profile of
 * {@code src/pom.xml} starts a JVM on the module's class path:
 *
 * <pre>
 * mvn -B -q -pl src -am package -DskipTests -Dbench=ClientComparisonBenchmark \
 *     [-Dbench.jvmArgs="-Dbench.rounds=10 -Dbench.warmupSeconds=20 -Dbench.throughputSeconds=5 -Dbench.threads=8
 *                       -Dbench.clients=raw,sdk,connector -Dbench.operations=get,create,list"]
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
        List<String> names = Arrays.asList(System.getProperty("bench.clients", "raw,sdk,connector").split(","));
        List<Operation> operations = operations(System.getProperty("bench.operations", "get,create,list"));
        try (LoopbackServerProcess server = LoopbackServerProcess.start(ACCOUNT_SID, MESSAGE_SID)) {
            Map<String, MessagesClient> clients = clients(names, server.baseUrl());
            try {
                System.out.printf("%s, %d cores, %s; server on %s (its own JVM)%n", System.getProperty("java.vm.name"),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), server.baseUrl());
                checkParsed(clients.values());
                warmUp(clients.values(), operations, warmupSeconds);
                Map<MessagesClient, Map<Operation, RequestCost>> costs =
                        alternatingRounds(clients, operations, rounds, server);
                printCosts(clients, operations, costs, rounds);
                printThroughput(clients, operations, threads, throughputSeconds);
            } finally {
                for (MessagesClient client : clients.values()) {
                    client.close();
                }
            }
        }
    }

    private static Map<String, MessagesClient> clients(List<String> names, String baseUrl) {
        Map<String, MessagesClient> clients = new LinkedHashMap<>();
        for (String name : names) {
            clients.put(name, switch (name.trim()) {
                case "raw" -> new RawHttpMessagesClient(baseUrl, ACCOUNT_SID, AUTH_TOKEN, MESSAGE_SID);
                case "sdk" -> new TwilioSdkMessagesClient(baseUrl, ACCOUNT_SID, AUTH_TOKEN, MESSAGE_SID);
                case "connector" -> new ConnectorMessagesClient(baseUrl, ACCOUNT_SID, AUTH_TOKEN, MESSAGE_SID);
                default -> throw new IllegalArgumentException("bench.clients: unknown client '" + name
                        + "'; the clients are raw, sdk and connector");
            });
        }
        return clients;
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

    /** Each client must have parsed the response into its objects: a client that skipped the JSON would look fast. */
    private static void checkParsed(Iterable<MessagesClient> clients) throws Exception {
        for (MessagesClient client : clients) {
            for (Operation operation : Operation.values()) {
                String sid = operation.call(client);
                if (!operation.expectedSid.equals(sid)) {
                    throw new IllegalStateException(client.name() + " " + operation.label + " read the sid " + sid
                            + ", not " + operation.expectedSid);
                }
            }
        }
    }

    private static void warmUp(Iterable<MessagesClient> clients, List<Operation> operations, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() - end < 0) {
            for (MessagesClient client : clients) {
                for (Operation operation : operations) {
                    for (int i = 0; i < operation.batch / 10; i++) {
                        operation.call(client);
                    }
                }
            }
        }
    }

    private static Map<MessagesClient, Map<Operation, RequestCost>> alternatingRounds(Map<String, MessagesClient> clients,
            List<Operation> operations, int rounds, LoopbackServerProcess server) throws Exception {
        List<MessagesClient> order = new ArrayList<>(clients.values());
        Map<MessagesClient, Map<Operation, List<RequestCost>>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < order.size(); i++) {
                // each client takes its turn first, so none always follows the same neighbour
                MessagesClient client = order.get((i + round) % order.size());
                for (Operation operation : operations) {
                    RequestCost cost = RequestCost.measure(operation.batch, () -> operation.call(client), server);
                    samples.computeIfAbsent(client, c -> new LinkedHashMap<>())
                            .computeIfAbsent(operation, o -> new ArrayList<>()).add(cost);
                }
            }
        }
        Map<MessagesClient, Map<Operation, RequestCost>> summaries = new LinkedHashMap<>();
        samples.forEach((client, byOperation) -> byOperation.forEach((operation, costs) ->
                summaries.computeIfAbsent(client, c -> new LinkedHashMap<>()).put(operation, RequestCost.summary(costs))));
        return summaries;
    }

    private static void printCosts(Map<String, MessagesClient> clients, List<Operation> operations,
            Map<MessagesClient, Map<Operation, RequestCost>> costs, int rounds) {
        MessagesClient raw = clients.get("raw");
        MessagesClient sdk = clients.get("sdk");
        MessagesClient connector = clients.get("connector");
        System.out.printf("%nper request, one thread, %d alternating rounds: median of the wall time, the thread's CPU and "
                + "allocation; mean of the JVMs' CPU%n%n", rounds);
        StringBuilder header = new StringBuilder("| per request |");
        StringBuilder rule = new StringBuilder("|---|");
        for (MessagesClient client : clients.values()) {
            header.append(' ').append(client.name()).append(" |");
            rule.append("---|");
        }
        if (connector != null && sdk != null) {
            header.append(" connector / SDK |");
            rule.append("---|");
        }
        if (connector != null && raw != null) {
            header.append(" connector / raw |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Operation operation : operations) {
            row(operation.label + ", wall", clients, costs, operation, RequestCost::wallNanos, 1e3, "µs", raw, sdk, connector);
            row(operation.label + ", CPU calling thread", clients, costs, operation, RequestCost::threadCpuNanos, 1e3,
                    "µs", raw, sdk, connector);
            row(operation.label + ", CPU client JVM", clients, costs, operation, RequestCost::processCpuNanos, 1e3,
                    "µs", raw, sdk, connector);
            row(operation.label + ", allocated", clients, costs, operation, RequestCost::allocatedBytes, 1024, "KiB",
                    raw, sdk, connector);
            row(operation.label + ", CPU server JVM", clients, costs, operation, RequestCost::serverCpuNanos, 1e3, "µs",
                    raw, sdk, connector);
        }
    }

    private static void row(String label, Map<String, MessagesClient> clients,
            Map<MessagesClient, Map<Operation, RequestCost>> costs, Operation operation,
            ToDoubleFunction<RequestCost> figure, double unit, String unitName, MessagesClient raw, MessagesClient sdk,
            MessagesClient connector) {
        StringBuilder line = new StringBuilder("| " + label + " |");
        for (MessagesClient client : clients.values()) {
            line.append(String.format(" %.1f %s |", figure.applyAsDouble(costs.get(client).get(operation)) / unit, unitName));
        }
        if (connector != null && sdk != null) {
            line.append(String.format(" %.2f |", ratio(costs, operation, figure, connector, sdk)));
        }
        if (connector != null && raw != null) {
            line.append(String.format(" %.2f |", ratio(costs, operation, figure, connector, raw)));
        }
        System.out.println(line);
    }

    private static double ratio(Map<MessagesClient, Map<Operation, RequestCost>> costs, Operation operation,
            ToDoubleFunction<RequestCost> figure, MessagesClient of, MessagesClient to) {
        return figure.applyAsDouble(costs.get(of).get(operation)) / figure.applyAsDouble(costs.get(to).get(operation));
    }

    private static void printThroughput(Map<String, MessagesClient> clients, List<Operation> operations, int threads,
            int seconds) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%n%d threads, %d s each, requests per second (CPU of the client JVM per request)%n%n", threads,
                seconds);
        StringBuilder header = new StringBuilder("| ").append(threads).append(" threads |");
        StringBuilder rule = new StringBuilder("|---|");
        for (MessagesClient client : clients.values()) {
            header.append(' ').append(client.name()).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Operation operation : operations) {
            StringBuilder line = new StringBuilder("| " + operation.label + " |");
            for (MessagesClient client : clients.values()) {
                run(client, operation, threads, 1);
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                long requests = run(client, operation, threads, seconds);
                double elapsed = (System.nanoTime() - start) / 1e9;
                cpu = os.getProcessCpuTime() - cpu;
                line.append(String.format(" %.0f/s (%.0f µs) |", requests / elapsed, cpu / 1e3 / requests));
            }
            System.out.println(line);
        }
    }

    private static long run(MessagesClient client, Operation operation, int threads, int seconds) throws Exception {
        LongAdder requests = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                callers.add(pool.submit(() -> {
                    while (System.nanoTime() - end < 0) {
                        operation.call(client);
                        requests.increment();
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return requests.sum();
    }
}
