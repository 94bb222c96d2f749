package dev.twilioconnector.action;

import dev.twilioconnector.error.TwilioConnectorInputException;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What an endpoint waits for after its action made its request: a status of the record (waitForStatus) and how long
 * at most (waitTimeout), checked against what the action can wait for.
 */
public record StatusWait(String status, Duration timeout) {

    /** Waits for nothing: the action returns what its request answered. */
    public static final StatusWait NONE = new StatusWait(StatusWatch.NONE, Duration.ZERO);

    public static StatusWait of(Action action, String waitForStatus, Duration timeout) {
        String status = waitForStatus == null || waitForStatus.isBlank() ? StatusWatch.NONE
                : waitForStatus.trim().toLowerCase(Locale.ROOT);
        Set<String> choices = action.statusWatch().map(StatusWatch::choices).orElse(Set.of(StatusWatch.NONE));
        if (!choices.contains(status)) {
            throw new TwilioConnectorInputException("waitForStatus '" + waitForStatus + "' is not one action "
                    + action.name() + " can wait for: allowed " + String.join(", ", choices));
        }
        if (StatusWatch.NONE.equals(status)) {
            return NONE;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new TwilioConnectorInputException("waitTimeout " + timeout.toMillis() + " ms is out of range: allowed"
                    + " a duration of more than 0, e.g. 120s");
        }
        return new StatusWait(status, timeout);
    }

    public boolean waits() {
        return !StatusWatch.NONE.equals(status);
    }
}
