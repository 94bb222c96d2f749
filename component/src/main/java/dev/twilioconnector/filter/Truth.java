package dev.twilioconnector.filter;

/** SQL's three truth values: a comparison with null is {@link #UNKNOWN}. */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
