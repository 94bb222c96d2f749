package dev.twilioconnector.bench;

import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.sandbox.TwilioSandbox;
import dev.twilioconnector.sql.TwilioDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * SQL over the connector against a full List-and-filter of the same result, side by side, over an embedded sandbox of
 * 100,000 messages (and calls with one recording each, for the join). For each query: the rows of the result per
 * second, and the requests Twilio received; the List-and-filter reads every record of the entities with
 * {@code streamResults} (pages of 1000) and filters, groups or joins them in Java, as a route would without SQL.
 * Both ask the same component, whose node throttle is raised to 100,000 transactions per second so that it does not
 * set the pace; both results are compared, and a difference stops the benchmark.
 *
 * <pre>
 * mvn -B -q -pl src -am package -DskipTests -Dbench=SqlBenchmark [-Dbench.jvmArgs="-Xmx1g -Dbench.messages=100000 -Dbench.calls=10000 -Dbench.rounds=3"]
 * </pre>
 *
 * Each query runs once to warm up, then {@code bench.rounds} times; the median time is reported.
 */
public final class SqlBenchmark {

    private static final String SENDER = "+15017122661";
    private static final List<String> SENDERS = List.of(SENDER, "+15017122662", "+15017122663", "+15017122664",
            "+15017122665", "+15017122666", "+15017122667", "+15017122668", "+15017122669", "+15017122660");
    private static final List<String> STATUSES = List.of("delivered", "sent", "failed", "undelivered", "received");
    private static final LocalDate SINCE = LocalDate.now(ZoneOffset.UTC).minusDays(10);

    private SqlBenchmark() {
    }

    /** One question, asked in SQL and answered by a List of everything filtered in Java. */
    private record Case(String name, String sql, Function<Lists, Object> listAndFilter) {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 100_000);
        int calls = Integer.getInteger("bench.calls", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        try (TwilioSandbox sandbox = TwilioSandbox.start(); CamelContext camel = context(sandbox)) {
            seed(sandbox, messages, calls);
            camel.start();
            Lists lists = new Lists(camel.createProducerTemplate());
            TwilioDataSource twilio = new TwilioDataSource(camel);
            System.out.printf("%d messages, %d calls and %d recordings in the sandbox; transactionsPerSecond=100000;"
                    + " median of %d rounds after one to warm up%n", messages, calls, calls, rounds);
            System.out.printf("%-52s | %8s %9s %9s %8s | %9s %9s %8s | %8s %8s%n", "query", "rows", "SQL ms", "rows/s",
                    "requests", "List ms", "rows/s", "requests", "speed", "requests");
            for (Case question : cases()) {
                run(question, sandbox, twilio, lists, rounds);
            }
        }
    }

    private static List<Case> cases() {
        return List.of(
                new Case("COUNT, Sender and DateSent pushed down", "SELECT COUNT(*) FROM Messages WHERE Sender = '" + SENDER
                        + "' AND DateSent >= '" + SINCE + "'", lists -> List.of(List.of((long) lists.all("Messages").stream()
                        .filter(m -> SENDER.equals(m.get("Sender")) && sentSince(m)).count()))),
                new Case("LIMIT 5", "SELECT Sid, Status FROM Messages LIMIT 5", lists -> lists.all("Messages").stream()
                        .limit(5).map(m -> List.of(m.get("Sid"), m.get("Status"))).toList()),
                new Case("GROUP BY Status, every message", "SELECT Status, COUNT(*) FROM Messages GROUP BY Status ORDER BY Status",
                        lists -> {
                            Map<Object, Long> counts = new TreeMap<>();
                            lists.all("Messages").forEach(m -> counts.merge(m.get("Status"), 1L, Long::sum));
                            return counts.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
                        }),
                new Case("JOIN Calls and Recordings on CallSid", "SELECT c.Sid, r.Sid FROM Calls c JOIN Recordings r"
                        + " ON r.CallSid = c.Sid ORDER BY r.Sid", lists -> {
                            Map<Object, Object> calls = new HashMap<>();
                            lists.all("Calls").forEach(c -> calls.put(c.get("Sid"), c.get("Sid")));
                            return lists.all("Recordings").stream().filter(r -> calls.containsKey(r.get("CallSid")))
                                    .sorted((a, b) -> a.get("Sid").toString().compareTo(b.get("Sid").toString()))
                                    .map(r -> List.of(calls.get(r.get("CallSid")), r.get("Sid"))).toList();
                        }));
    }

    private static void run(Case question, TwilioSandbox sandbox, TwilioDataSource twilio, Lists lists, int rounds)
            throws SQLException {
        sandbox.clearRequests();
        List<List<Object>> bySql = sql(twilio, question.sql());
        int sqlRequests = sandbox.requests().size();
        sandbox.clearRequests();
        Object byList = question.listAndFilter().apply(lists);
        int listRequests = sandbox.requests().size();
        if (!bySql.equals(byList)) {
            throw new IllegalStateException(question.name() + ": SQL answered " + head(bySql) + ", the List " + head(byList));
        }
        long[] sqlNanos = new long[rounds];
        long[] listNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            sql(twilio, question.sql());
            sqlNanos[i] = System.nanoTime() - start;
            start = System.nanoTime();
            question.listAndFilter().apply(lists);
            listNanos[i] = System.nanoTime() - start;
        }
        double sqlSeconds = median(sqlNanos) / 1e9;
        double listSeconds = median(listNanos) / 1e9;
        int rows = bySql.size();
        System.out.printf("%-52s | %8d %9.0f %9.0f %8d | %9.0f %9.0f %8d | %7.1fx %7.1fx%n", question.name(), rows,
                sqlSeconds * 1000, rows / sqlSeconds, sqlRequests, listSeconds * 1000, rows / listSeconds, listRequests,
                listSeconds / sqlSeconds, (double) listRequests / sqlRequests);
    }

    private static List<List<Object>> sql(TwilioDataSource twilio, String sql) throws SQLException {
        try (Connection connection = twilio.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Every record of an entity, read as a route would without SQL: a streamed List, pages of 1000. */
    private record Lists(ProducerTemplate producer) {

        List<Map<String, Object>> all(String entity) {
            Iterator<?> records = producer.requestBody("twilio-connector:" + entity
                    + "/List?streamResults=true&streamPageSize=1000", null, Iterator.class);
            List<Map<String, Object>> all = new ArrayList<>();
            records.forEachRemaining(record -> all.add(cast(record)));
            return all;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> cast(Object record) {
            return (Map<String, Object>) record;
        }
    }

    private static boolean sentSince(Map<String, Object> message) {
        Object sent = message.get("DateSent");
        return sent != null && !Instant.parse(sent.toString()).isBefore(SINCE.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Messages from ten senders in five statuses, sent over the last hundred days; calls with a recording each. */
    private static void seed(TwilioSandbox sandbox, int messages, int calls) {
        Instant now = Instant.now();
        Duration apart = Duration.ofDays(100).dividedBy(messages);
        for (int i = 0; i < messages; i++) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("from", SENDERS.get(i % SENDERS.size()));
            message.put("status", STATUSES.get(i / SENDERS.size() % STATUSES.size()));
            message.put("date_sent", now.minus(apart.multipliedBy(i)));
            sandbox.put("Messages", message);
        }
        for (int i = 0; i < calls; i++) {
            Object call = sandbox.put("Calls", Map.of("status", "completed")).get("sid");
            sandbox.put("Recordings", Map.of("call_sid", call, "duration", "6"));
        }
    }

    private static CamelContext context(TwilioSandbox sandbox) {
        CamelContext camel = new DefaultCamelContext();
        TwilioConnectorComponent component = new TwilioConnectorComponent();
        component.getConfiguration().setAccountSid(sandbox.accountSid());
        component.getConfiguration().setAuthToken(sandbox.authToken());
        component.getConfiguration().setBaseUrl(sandbox.baseUrl());
        component.getConfiguration().setTransactionsPerSecond(100_000);
        camel.addComponent("twilio-connector", component);
        return camel;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String head(Object rows) {
        String text = String.valueOf(rows);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
