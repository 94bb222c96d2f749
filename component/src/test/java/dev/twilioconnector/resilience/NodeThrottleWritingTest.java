package dev.twilioconnector.resilience;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request counts from when it is written, and then from when its write is done, not from its turn: one held up on
 * its way to the socket (a connection to open, a pause) or in its write holds back the ones that would otherwise
 * reach Twilio within a second of it.
 */
class NodeThrottleWritingTest {

    /** At 2 per second turns are 507.5 ms apart and at most 2 requests leave in any 1,015 ms. */
    private static final int LIMIT = 2;
    private static final Duration TURN = Duration.ofNanos(507_500_000);
    private static final Duration WINDOW = TURN.multipliedBy(LIMIT);
    private static final Duration HELD_UP = Duration.ofMillis(900);

    @Test
    void theRequestAfterNextWaitsAWindowFromWhenAHeldUpRequestWasWritten() throws Exception {
        NodeThrottle throttle = new NodeThrottle("held-up", new ThrottleSettings(LIMIT, 10));
        long start = System.nanoTime();
        throttle.acquire();
        Thread.sleep(HELD_UP.toMillis());
        throttle.writing();
        sendAtOnce(throttle);

        throttle.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(HELD_UP.plus(WINDOW));
    }

    @Test
    void theRequestAfterNextWaitsAWindowFromWhenAHeldUpWriteWasDone() throws Exception {
        NodeThrottle throttle = new NodeThrottle("slow-write", new ThrottleSettings(LIMIT, 10));
        long start = System.nanoTime();
        throttle.acquire();
        throttle.writing();
        Thread.sleep(HELD_UP.toMillis());
        throttle.written();
        sendAtOnce(throttle);

        throttle.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(HELD_UP.plus(WINDOW));
    }

    @Test
    void aFlushBeforeTheRequestIsWrittenIsNotItsWrite() throws Exception {
        NodeThrottle throttle = new NodeThrottle("tunnel", new ThrottleSettings(LIMIT, 10));
        long start = System.nanoTime();
        throttle.acquire();
        // a proxy's CONNECT, flushed on the request's thread before the request itself is written
        throttle.written();
        Thread.sleep(HELD_UP.toMillis());
        throttle.writing();
        throttle.written();
        sendAtOnce(throttle);

        throttle.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(HELD_UP.plus(WINDOW));
    }

    @Test
    void withoutTheHoldUpTheRequestAfterNextGoesAtItsTurn() {
        NodeThrottle throttle = new NodeThrottle("prompt", new ThrottleSettings(LIMIT, 10));
        long start = System.nanoTime();
        sendAtOnce(throttle);
        sendAtOnce(throttle);

        throttle.acquire();

        // the first took its turn and, finding the limiter idle, the next one too: the third goes at the fourth turn
        Duration fourthTurn = TURN.multipliedBy(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(fourthTurn.minusMillis(5), fourthTurn.plusMillis(150));
    }

    private static void sendAtOnce(NodeThrottle throttle) {
        throttle.acquire();
        throttle.writing();
        throttle.written();
    }
}
