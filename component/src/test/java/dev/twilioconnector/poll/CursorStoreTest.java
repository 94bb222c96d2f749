package dev.twilioconnector.poll;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a poller finds in its state repository after a clean stop, and after a stop in the middle of a poll. */
class CursorStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private static final long HOUR = 3_600_000;

    private final MemoryStateRepository repository = new MemoryStateRepository();
    private final CursorStore store = new CursorStore(repository, "route/Messages", new ObjectMapper());

    @Test
    void aFreshStoreStartsWhereTheUserSaid() {
        assertSame(store.load(null), PollCursor.startingAt(null));
        assertSame(store.load(NOW), PollCursor.startingAt(NOW));
    }

    @Test
    void afterACleanStopTheWholeWindowIsBack() {
        PollCursor cursor = PollCursor.startingAt(null)
                .delivered("SM1", NOW.minusSeconds(60), "aa", NOW, HOUR)
                .delivered("SM2", NOW.minusSeconds(30), "bb", NOW, HOUR);
        store.saveWindow(cursor);

        assertSame(store.load(null), cursor);
    }

    @Test
    void afterAStopInTheMiddleOfAPollNothingDeliveredSinceTheWindowWasSavedCountsAsNew() {
        PollCursor saved = PollCursor.startingAt(null).delivered("SM1", NOW.minusSeconds(60), "aa", NOW, HOUR);
        store.saveWindow(saved);
        PollCursor later = saved.delivered("SM2", NOW.minusSeconds(30), "bb", NOW, HOUR)
                .delivered("SM3", NOW.minusSeconds(10), "cc", NOW, HOUR);
        store.saveEdge(later);

        PollCursor loaded = store.load(null);

        assertThat(loaded.time()).isEqualTo(NOW.minusSeconds(10));
        assertThat(loaded.completeFrom()).isEqualTo(NOW.minusSeconds(10));
        assertThat(loaded.seen()).containsOnlyKeys("SM1", "SM3");
        assertThat(repository.getState("route/Messages")).isEqualTo("{\"time\":\"2026-01-05T11:59:50Z\","
                + "\"completeFrom\":\"2026-01-05T11:00:00Z\",\"edge\":[[\"SM3\",\"2026-01-05T11:59:50Z\",\"cc\"]]}");
    }

    @Test
    void withoutLookbackOnlyTheEdgeIsKept() {
        PollCursor cursor = PollCursor.startingAt(null)
                .delivered("SM1", NOW.minusSeconds(60), "aa", NOW, 0)
                .delivered("SM2", NOW.minusSeconds(30), "bb", NOW, 0)
                .delivered("SM3", NOW.minusSeconds(30), "cc", NOW, 0);
        store.saveEdge(cursor);

        assertThat(cursor.seen()).containsOnlyKeys("SM2", "SM3");
        assertSame(store.load(null), cursor);
        assertThat(cursor.readFrom(NOW, 0)).isEqualTo(NOW.minusSeconds(30));
    }

    @Test
    void recordsHandedOutAndNotCommittedAreStoredBesideTheEdgeUntilCommitted() {
        PollCursor cursor = PollCursor.startingAt(null).delivered("SM1", NOW.minusSeconds(60), "aa", NOW, 0);
        assertThat(cursor.handOut(List.of("SM2", "SM3"), List.of("SM2", "SM3", "SM4"))).isTrue();
        store.saveEdge(cursor.delivered("SM2", NOW.minusSeconds(30), "bb", NOW, 0));

        PollCursor loaded = store.load(null);

        assertThat(repository.getState("route/Messages")).isEqualTo("{\"time\":\"2026-01-05T11:59:30Z\","
                + "\"completeFrom\":\"2026-01-05T11:59:30Z\",\"edge\":[[\"SM2\",\"2026-01-05T11:59:30Z\",\"bb\"]],"
                + "\"inFlight\":[\"SM3\"]}");
        assertThat(loaded.inFlight()).containsExactly("SM3");
        assertThat(loaded.wasHandedOut("SM3")).isTrue();
        assertThat(loaded.wasHandedOut("SM2")).isFalse();
        // a later poll that no longer sees SM3 (deleted, or no longer matching) forgets it
        assertThat(loaded.handOut(List.of("SM4"), List.of("SM4"))).isTrue();
        assertThat(loaded.inFlight()).containsExactly("SM4");
    }

    private static void assertSame(PollCursor actual, PollCursor expected) {
        assertThat(actual.time()).isEqualTo(expected.time());
        assertThat(actual.completeFrom()).isEqualTo(expected.completeFrom());
        assertThat(actual.seen()).containsExactlyEntriesOf(expected.seen());
        assertThat(actual.edge()).containsExactlyEntriesOf(expected.edge());
        assertThat(actual.inFlight()).containsExactlyElementsOf(expected.inFlight());
    }
}
