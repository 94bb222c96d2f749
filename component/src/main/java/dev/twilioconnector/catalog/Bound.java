package dev.twilioconnector.catalog;

/**
 * How Twilio filters a field server-side. The 2010 API puts the inequality into the parameter's name
 * ({@code DateSent>}, {@code DateSent<}) and treats both bounds as inclusive; the other products name some bounds
 * {@code ...After} and {@code ...Before}, inclusive or strict as each parameter's description says
 * ({@code DateCreatedAfter} of a Video Room is "on or after", its {@code DateCreatedBefore} "before").
 */
public enum Bound {
    EQUAL("="),
    AT_LEAST(">="),
    AT_MOST("<="),
    ABOVE(">"),
    BELOW("<");

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
        throw new IllegalArgumentException("Unknown bound '" + symbol + "', expected one of =, >=, <=, >, <");
    }
}
