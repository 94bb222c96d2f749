package dev.twilioconnector.sandbox;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether messages and calls created over HTTP move through their statuses by themselves, as Twilio's do while it
 * delivers a message or places a call, and how long each step takes: a message goes queued, sending, sent,
 * delivered, a call queued, ringing, in-progress, completed, one step per {@link #step()}. A step happens only
 * while the record still has the status the step leaves, so a status a test sets by hand (undelivered, canceled)
 * ends the progression. Off until a test or the runner turns it on: a test double that changes its records
 * unasked would break every test that asserts what a create answered; {@link TwilioSandbox#reset()} turns it off.
 */
public final class StatusProgression {

    private volatile Duration step;

    /** Moves every record created from now on one status further each {@code step}, which must be positive. */
    public StatusProgression every(Duration step) {
        if (step == null || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the status progression's step must be a positive duration, got " + step);
        }
        this.step = step;
        return this;
    }

    /** Leaves every record's status where it is: steps not yet taken are not taken. */
    public StatusProgression off() {
        step = null;
        return this;
    }

    /** The time between two statuses, or empty when statuses do not move by themselves. */
    public Optional<Duration> step() {
        return Optional.ofNullable(step);
    }
}
