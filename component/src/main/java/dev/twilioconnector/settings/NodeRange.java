package dev.twilioconnector.settings;

import dev.twilioconnector.error.InvalidSettingException;

/**
 * How many nodes serve the connection: the throttle's rate is per node, so the connection's capacity grows
 * with the node count between these bounds.
 */
public record NodeRange(int min, int max) {

    public static final int DEFAULT_MIN = 2;
    public static final int DEFAULT_MAX = 50;

    public static NodeRange of(int min, int max) {
        if (min < 1) {
            throw new InvalidSettingException("minNodes", "is " + min + ": at least 1 is needed");
        }
        if (max < 1) {
            throw new InvalidSettingException("maxNodes", "is " + max + ": at least 1 is needed");
        }
        if (min > max) {
            throw new InvalidSettingException("minNodes", "is " + min + ", more than maxNodes " + max
                    + ": minNodes must be at most maxNodes");
        }
        return new NodeRange(min, max);
    }
}
