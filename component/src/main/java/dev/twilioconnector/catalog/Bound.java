package dev.twilioconnector.catalog;

/**
 * How Twilio filters a field server-side. Twilio puts the inequality into the parameter's name
 * ({@code DateSent>}, {@code DateSent<}) and treats both bounds as inclusive.
 */
public enum Bound {
    EQUAL("="),
    AT_LEAST(">="),
    AT_MOST("<=");

    private final String symbol;

    Bound(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Bound fromSymbol(String symbol) {
        for (Bound bound : values()) {
            if (bound.symbol.equals(symbol)) {
                return bound;
            }
        }
        throw new IllegalArgumentException("Unknown bound '" + symbol + "', expected one of =, >=, <=");
    }
}
