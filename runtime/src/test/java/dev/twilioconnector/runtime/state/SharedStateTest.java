package dev.twilioconnector.runtime.state;

import dev.twilioconnector.support.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What two nodes keep in one PostgreSQL, each through a pool of its own as two runners would: the message statuses'
 * conditional upsert and the idempotent repository's keys, raced.
 */
class SharedStateTest {

    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    private static final List<String> STATUSES = List.of("queued", "sending", "sent", "delivered", "read");

    private final List<StateDatabase> nodes = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void twoNodes() throws Exception {
        database.execute("DROP TABLE IF EXISTS twilio_connector_message_status", "DROP TABLE IF EXISTS CAMEL_MESSAGEPROCESSED");
        nodes.add(new StateDatabase(database.jdbcUrl(), EmbeddedDatabase.USER, null));
        nodes.add(new StateDatabase(database.jdbcUrl(), EmbeddedDatabase.USER, null));
    }

    @AfterEach
    void stopNodes() throws Exception {
        threads.shutdownNow();
        for (StateDatabase node : nodes) {
            node.stop();
        }
    }

    @Test
    void aLateSentNeverOverwritesDeliveredWhicheverNodeItReaches() throws Exception {
        MessageStatuses first = new JdbcMessageStatuses(nodes.get(0));
        MessageStatuses second = new JdbcMessageStatuses(nodes.get(1));
        String sid = "SM" + "0".repeat(32);

        assertThat(first.record(callback(sid, "sent"))).isTrue();
        assertThat(second.record(callback(sid, "delivered"))).isTrue();
        assertThat(first.record(callback(sid, "sent"))).as("late").isFalse();
        assertThat(second.record(callback(sid, "queued"))).as("late").isFalse();
        assertThat(first.record(callback(sid, "delivered"))).as("as far along: kept again").isTrue();

        assertThat(kept()).containsExactly(Map.entry(sid, "delivered 4"));
        assertThat(query("SELECT record FROM twilio_connector_message_status")).singleElement().asString()
                .contains("\"Sid\":\"" + sid + "\"").contains("\"Status\":\"delivered\"");
    }

    @Test
    void theFurthestStatusWinsWhateverOrderTwoNodesReceiveTheCallbacksIn() throws Exception {
        MessageStatuses first = new JdbcMessageStatuses(nodes.get(0));
        MessageStatuses second = new JdbcMessageStatuses(nodes.get(1));
        Random random = new Random(8);
        List<Map<String, Object>> toFirst = new ArrayList<>();
        List<Map<String, Object>> toSecond = new ArrayList<>();
        Map<String, String> furthest = new LinkedHashMap<>();
        for (int message = 0; message < 60; message++) {
            String sid = String.format("SM%032x", message);
            List<String> statuses = new ArrayList<>(STATUSES.subList(0, 2 + random.nextInt(STATUSES.size() - 1)));
            furthest.put(sid, statuses.get(statuses.size() - 1) + " " + DeliveryRank.of(statuses.get(statuses.size() - 1)));
            Collections.shuffle(statuses, random);
            for (String status : statuses) {
                (random.nextBoolean() ? toFirst : toSecond).add(callback(sid, status));
            }
        }
        CyclicBarrier start = new CyclicBarrier(2);

        Future<?> one = threads.submit(recordAll(first, toFirst, start));
        Future<?> two = threads.submit(recordAll(second, toSecond, start));
        one.get(60, TimeUnit.SECONDS);
        two.get(60, TimeUnit.SECONDS);

        assertThat(kept()).containsExactlyInAnyOrderEntriesOf(furthest);
    }

    @Test
    void twoNodesAddingOneKeyAtOnceMakeOneAddAndOneDuplicateNeverAnError() throws Exception {
        SharedIdempotentRepository first = new SharedIdempotentRepository(nodes.get(0), "race");
        SharedIdempotentRepository second = new SharedIdempotentRepository(nodes.get(1), "race");
        first.start();
        second.start();
        int keys = 200;
        CyclicBarrier together = new CyclicBarrier(2);

        Future<Integer> firstAdded = threads.submit(addAll(first, keys, together));
        Future<Integer> secondAdded = threads.submit(addAll(second, keys, together));

        assertThat(firstAdded.get(60, TimeUnit.SECONDS) + secondAdded.get(60, TimeUnit.SECONDS)).isEqualTo(keys);
        assertThat(query("SELECT count(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'race'")).containsExactly("200");
        assertThat(second.contains("token-0")).isTrue();
        assertThat(new SharedIdempotentRepository(nodes.get(0), "other").contains("token-0"))
                .as("another processor name keeps its own keys").isFalse();
    }

    /** Each key added by both, the two threads meeting at a barrier before each: how many adds this one won. */
    private static Callable<Integer> addAll(SharedIdempotentRepository repository, int keys, CyclicBarrier together) {
        return () -> {
            int added = 0;
            for (int key = 0; key < keys; key++) {
                together.await(30, TimeUnit.SECONDS);
                if (repository.add("token-" + key)) {
                    added++;
                }
            }
            return added;
        };
    }

    private static Callable<Void> recordAll(MessageStatuses node, List<Map<String, Object>> callbacks, CyclicBarrier start) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            for (Map<String, Object> callback : callbacks) {
                node.record(callback);
            }
            return null;
        };
    }

    private static Map<String, Object> callback(String sid, String status) {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("Sid", sid);
        callback.put("Status", status);
        callback.put("AccountSid", "AC" + "1".repeat(32));
        return callback;
    }

    /** Sid to "status rank" as the table keeps them. */
    private static Map<String, String> kept() throws Exception {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String row : query("SELECT sid || '=' || status || ' ' || rank FROM twilio_connector_message_status ORDER BY sid")) {
            kept.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        return kept;
    }

    private static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
