package dev.twilioconnector.resilience;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The node's rate while Twilio answers 429, on a clock the test moves. */
class AdaptiveRateTest {

    private static final double EXACT = 1e-9;

    private long now = TimeUnit.HOURS.toNanos(5);
    private final AdaptiveRate rate = new AdaptiveRate(25, () -> now);

    @Test
    void withoutA429TheRateIsTheCeiling() {
        advanceMillis(60_000);

        assertThat(rate.current()).isEqualTo(25.0);
    }

    @Test
    void a429CutsTheRateToSevenTenths() {
        rate.tooManyRequests();

        assertThat(rate.current()).isCloseTo(17.5, within(EXACT));
    }

    @Test
    void aBurstOf429sWithinASecondCutsTheRateOnce() {
        rate.tooManyRequests();
        for (int i = 0; i < 50; i++) {
            advanceMillis(19);
            rate.tooManyRequests();
        }

        assertThat(rate.current()).isCloseTo(17.5, within(EXACT));
    }

    @Test
    void tooManyRequestsThatKeepComingCutTheRateOnceASecond() {
        rate.tooManyRequests();
        advanceMillis(999);
        rate.tooManyRequests();
        assertThat(rate.current()).isCloseTo(17.5, within(EXACT));

        advanceMillis(1);
        rate.tooManyRequests();
        advanceMillis(500);
        rate.tooManyRequests();
        advanceMillis(500);
        rate.tooManyRequests();

        assertThat(rate.current()).isCloseTo(25 * 0.7 * 0.7 * 0.7, within(EXACT));
    }

    @Test
    void theRateNeverFallsBelowOneRequestASecond() {
        keepAnswering429(20_000);

        assertThat(rate.current()).isEqualTo(1.0);
    }

    @Test
    void eachWholeQuietSecondAddsATwentyFifthOfTheCeiling() {
        rate.tooManyRequests();

        advanceMillis(999);
        assertThat(rate.current()).isCloseTo(17.5, within(EXACT));
        advanceMillis(1);
        assertThat(rate.current()).isCloseTo(18.5, within(EXACT));
        advanceMillis(2_500);
        assertThat(rate.current()).isCloseTo(20.5, within(EXACT));
    }

    @Test
    void a429TooSoonToCutTheRateAgainStillRestartsTheQuietSecond() {
        rate.tooManyRequests();
        advanceMillis(600);
        rate.tooManyRequests();

        advanceMillis(900);
        assertThat(rate.current()).isCloseTo(17.5, within(EXACT));
        advanceMillis(100);
        assertThat(rate.current()).isCloseTo(18.5, within(EXACT));
    }

    @Test
    void theRateClimbsBackToTheCeilingAndNoFurther() {
        keepAnswering429(10_000);
        assertThat(rate.current()).isEqualTo(1.0);

        advanceMillis(23_000);
        assertThat(rate.current()).isCloseTo(24.0, within(EXACT));
        advanceMillis(1_000);
        assertThat(rate.current()).isEqualTo(25.0);
        advanceMillis(60_000);
        assertThat(rate.current()).isEqualTo(25.0);
    }

    @Test
    void theQuietTimeBeforeA429CountsBeforeItIsCut() {
        rate.tooManyRequests();
        advanceMillis(5_000);

        rate.tooManyRequests();

        assertThat(rate.current()).isCloseTo((17.5 + 5) * 0.7, within(EXACT));
    }

    @Test
    void aCeilingOfOneCannotBeCut() {
        AdaptiveRate one = new AdaptiveRate(1, () -> now);

        one.tooManyRequests();

        assertThat(one.current()).isEqualTo(1.0);
    }

    @Test
    void theClimbIsATwentyFifthOfAnyCeiling() {
        AdaptiveRate hundred = new AdaptiveRate(100, () -> now);
        hundred.tooManyRequests();

        advanceMillis(3_000);

        assertThat(hundred.current()).isCloseTo(70 + 3 * 4, within(EXACT));
    }

    /** A 429 every half second for {@code millis}, the last at its end: never a quiet second. */
    private void keepAnswering429(long millis) {
        for (long at = 0; at <= millis; at += 500) {
            rate.tooManyRequests();
            advanceMillis(500);
        }
        now -= TimeUnit.MILLISECONDS.toNanos(500);
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
