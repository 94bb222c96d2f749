package dev.twilioconnector.bench;

import dev.twilioconnector.bench.ClientComparisonBenchmark.Operation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * One client of {@link ClientComparisonBenchmark} in a JVM of its own, as a user's application holds one: the code
 * the clients share (HttpClient, Jackson) is compiled for this client's calls alone, not for a mix of three. It
 * makes its client, checks that it parses each answer, prints {@code ready} and the client's name, then does what each
 * line of its input asks and prints one line of figures for it, each line it prints for the benchmark after
 * {@link #ANSWER}:
 * <ul>
 *   <li>{@code warmup SECONDS OPERATION...}: calls the operations in turn for that long; prints {@code done}.</li>
 *   <li>{@code round OPERATION}: one batch on this thread; prints wall, thread CPU, process CPU and bytes allocated
 *   per request, in nanoseconds and bytes.</li>
 *   <li>{@code throughput OPERATION THREADS SECONDS}: the operation on that many threads; prints requests per
 *   second and the process's CPU nanoseconds per request.</li>
 * </ul>
 * It closes its client and ends when its input does.
 */
public final class ClientWorker {

    /** Starts each line this prints for the benchmark: the JVM may print others (a JFR recording's start). */
    static final String ANSWER = "bench: ";

    private ClientWorker() {
    }

    /** @param args the client ({@code raw}, {@code sdk} or {@code connector}) and the loopback server's base URL */
    public static void main(String[] args) throws Exception {
        try (MessagesClient client = client(args[0], args[1])) {
            checkParsed(client);
            System.out.println(ANSWER + "ready " + client.name());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                String[] words = line.split(" ");
                System.out.println(ANSWER + switch (words[0]) {
                    case "warmup" -> warmUp(client, Integer.parseInt(words[1]), operations(words, 2));
                    case "round" -> round(client, Operation.valueOf(words[1]));
                    case "throughput" -> throughput(client, Operation.valueOf(words[1]), Integer.parseInt(words[2]),
                            Integer.parseInt(words[3]));
                    default -> throw new IllegalArgumentException("unknown command: " + line);
                });
            }
        }
    }

    private static MessagesClient client(String name, String baseUrl) {
        return switch (name) {
            case "raw" -> new RawHttpMessagesClient(baseUrl, ClientComparisonBenchmark.ACCOUNT_SID,
                    ClientComparisonBenchmark.AUTH_TOKEN, ClientComparisonBenchmark.MESSAGE_SID);
            case "sdk" -> new TwilioSdkMessagesClient(baseUrl, ClientComparisonBenchmark.ACCOUNT_SID,
                    ClientComparisonBenchmark.AUTH_TOKEN, ClientComparisonBenchmark.MESSAGE_SID);
            case "connector" -> new ConnectorMessagesClient(baseUrl, ClientComparisonBenchmark.ACCOUNT_SID,
                    ClientComparisonBenchmark.AUTH_TOKEN, ClientComparisonBenchmark.MESSAGE_SID);
            default -> throw new IllegalArgumentException("unknown client '" + name + "'");
        };
    }

    /** The client must have parsed each response into its objects: a client that skipped the JSON would look fast. */
    private static void checkParsed(MessagesClient client) throws Exception {
        for (Operation operation : Operation.values()) {
            String sid = operation.call(client);
            if (!operation.expectedSid.equals(sid)) {
                throw new IllegalStateException(client.name() + " " + operation.label + " read the sid " + sid
                        + ", not " + operation.expectedSid);
            }
        }
    }

    private static List<Operation> operations(String[] words, int from) {
        List<Operation> operations = new ArrayList<>();
        for (int i = from; i < words.length; i++) {
            operations.add(Operation.valueOf(words[i]));
        }
        return operations;
    }

    private static String warmUp(MessagesClient client, int seconds, List<Operation> operations) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() - end < 0) {
            for (Operation operation : operations) {
                for (int i = 0; i < operation.batch / 10; i++) {
                    operation.call(client);
                }
            }
        }
        return "done";
    }

    private static String round(MessagesClient client, Operation operation) throws Exception {
        RequestCost cost = RequestCost.measure(operation.batch, () -> operation.call(client));
        return String.format(Locale.ROOT, "%f %f %f %f", cost.wallNanos(), cost.threadCpuNanos(), cost.processCpuNanos(),
                cost.allocatedBytes());
    }

    private static String throughput(MessagesClient client, Operation operation, int threads, int seconds) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        run(client, operation, threads, 1);
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long requests = run(client, operation, threads, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        cpu = os.getProcessCpuTime() - cpu;
        return String.format(Locale.ROOT, "%f %f", requests / elapsed, (double) cpu / requests);
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
