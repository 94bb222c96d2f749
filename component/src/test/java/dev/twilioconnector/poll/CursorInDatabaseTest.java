package dev.twilioconnector.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.twilioconnector.TwilioConnectorComponent;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.state.JdbcStateRepository;
import dev.twilioconnector.support.EmbeddedDatabase;
import dev.twilioconnector.support.SandboxTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poller whose cursor lives in PostgreSQL (the component's stateRepository): records handed out by a node that
 * never committed them come again marked as redelivered, and a database lost while delivering holds the cursor
 * at the last record whose move was saved until the database is back.
 */
class CursorInDatabaseTest extends SandboxTestSupport {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    private static final String KEY = "poller/Messages";

    @RegisterExtension
    static final EmbeddedDatabase database = new EmbeddedDatabase();

    private final List<Exchange> received = Collections.synchronizedList(new ArrayList<>());
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void recordsHandedOutButNeverCommittedComeAgainMarkedRedeliveredAndTheOthersNot() throws Exception {
        List<String> sids = putMessages(5);
        StateRepository<String, String> repository = repository("redelivery_state");
        // what a node killed while delivering the second record of a batch of three leaves behind
        PollCursor crashed = PollCursor.startingAt(null).delivered(sids.get(0), T0, "0", Instant.now(), 0);
        crashed.handOut(sids.subList(1, 4), sids.subList(1, 5));
        crashed.delivered(sids.get(1), T0.plusSeconds(1), "0", Instant.now(), 0);
        new CursorStore(repository, KEY, mapper).saveEdge(crashed);

        startPoller(repository, exchange -> received.add(exchange.copy()));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        Thread.sleep(300);

        assertThat(sids()).containsExactlyElementsOf(sids.subList(2, 5));
        assertThat(redelivered()).containsExactly(true, true, false);
        assertThat(mapper.readTree(repository.getState(KEY)).has("inFlight")).isFalse();
    }

    @Test
    void aDatabaseLostWhileDeliveringHoldsTheCursorAndDeliveryResumesByItselfWhenItIsBack() throws Exception {
        List<String> sids = putMessages(6);
        StateRepository<String, String> repository = repository("lost_state");
        AtomicBoolean lost = new AtomicBoolean();
        startPoller(repository, exchange -> {
            received.add(exchange.copy());
            if (exchange.getMessage().getBody(Map.class).get("Sid").equals(sids.get(2)) && lost.compareAndSet(false, true)) {
                database.execute("ALTER TABLE lost_state RENAME TO lost_state_away");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        Thread.sleep(1_500);

        assertThat(sids()).containsExactlyElementsOf(sids.subList(0, 3));
        JsonNode stored = mapper.readTree(storedCursor("lost_state_away"));
        assertThat(stored.path("edge").get(0).get(0).asText()).isEqualTo(sids.get(1));

        database.execute("ALTER TABLE lost_state_away RENAME TO lost_state");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 7);
        Thread.sleep(300);

        List<String> expected = new ArrayList<>(sids.subList(0, 3));
        expected.addAll(sids.subList(2, 6));
        assertThat(sids()).containsExactlyElementsOf(expected);
        assertThat(redelivered().get(3)).isTrue();
        assertThat(mapper.readTree(storedCursor("lost_state")).path("edge").get(0).get(0).asText()).isEqualTo(sids.get(5));
    }

    private JdbcStateRepository repository(String table) {
        JdbcStateRepository repository = new JdbcStateRepository(database.dataSource(), table);
        context.getComponent("twilio-connector", TwilioConnectorComponent.class).setStateRepository(repository);
        return repository;
    }

    private void startPoller(StateRepository<String, String> repository, org.apache.camel.Processor route) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("twilio-connector:Messages/List?delay=100").routeId("poller").process(route);
            }
        });
        context.start();
    }

    private static String storedCursor(String table) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT state_value FROM " + table + " WHERE state_key = '" + KEY + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    /** Stores inbound messages sent one second apart from T0; their SIDs in that order. */
    private static List<String> putMessages(int count) {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("date_sent", T0.plusSeconds(i));
            fields.put("status", "received");
            fields.put("direction", "inbound");
            fields.put("body", "message " + i);
            sids.add(String.valueOf(sandbox.put("Messages", fields).get("sid")));
        }
        return sids;
    }

    private List<String> sids() {
        return received.stream().map(e -> String.valueOf(e.getMessage().getBody(Map.class).get("Sid"))).toList();
    }

    private List<Boolean> redelivered() {
        return received.stream().map(e -> e.getMessage().getHeader(TwilioConnectorConstants.REDELIVERED, Boolean.class)).toList();
    }
}
