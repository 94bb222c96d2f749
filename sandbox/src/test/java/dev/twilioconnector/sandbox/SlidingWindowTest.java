package dev.twilioconnector.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The window over given arrival stamps, so that requests taken up out of their arrival order can be played. */
class SlidingWindowTest {

    private static final long MILLI = 1_000_000L;

    private final SlidingWindow window = new SlidingWindow();

    @Test
    void admitsTheLimitInAnySecondAndAgainOnceTheOldestIsASecondOld() {
        assertThat(window.tryAdmit(0, 2)).isTrue();
        assertThat(window.tryAdmit(500 * MILLI, 2)).isTrue();
        assertThat(window.tryAdmit(999 * MILLI, 2)).isFalse();
        assertThat(window.tryAdmit(1000 * MILLI, 2)).as("the first is a second old").isTrue();
        assertThat(window.tryAdmit(1499 * MILLI, 2)).isFalse();
        assertThat(window.tryAdmit(1500 * MILLI, 2)).isTrue();
    }

    @Test
    void refusedRequestsDoNotCount() {
        assertThat(window.tryAdmit(0, 1)).isTrue();
        assertThat(window.tryAdmit(900 * MILLI, 1)).isFalse();
        assertThat(window.tryAdmit(1000 * MILLI, 1)).as("the refused one holds no place").isTrue();
    }

    @Test
    void aRequestTakenUpLateMustFitEveryWindowItArrivedIn() {
        assertThat(window.tryAdmit(0, 2)).isTrue();
        assertThat(window.tryAdmit(1400 * MILLI, 2)).isTrue();

        assertThat(window.tryAdmit(700 * MILLI, 2)).as("with the first, and with the second").isTrue();
        assertThat(window.tryAdmit(800 * MILLI, 2)).as("a third in the first's second").isFalse();
        assertThat(window.tryAdmit(1100 * MILLI, 2)).as("a third in the second's second").isFalse();
    }

    @Test
    void requestsArrivingAtTheSameNanosecondEachCount() {
        assertThat(window.tryAdmit(0, 2)).isTrue();
        assertThat(window.tryAdmit(0, 2)).isTrue();
        assertThat(window.tryAdmit(0, 2)).isFalse();
    }
}
