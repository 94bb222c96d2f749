package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Bound;

import java.util.Optional;

/** The comparison operators of the filter language. */
public enum Operator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator a symbol spells; {@code <>} is {@link #NOT_EQUAL}. */
    static Optional<Operator> fromSymbol(String symbol) {
        if ("<>".equals(symbol)) {
            return Optional.of(NOT_EQUAL);
        }
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /**
     * The inclusive Twilio bound that selects a superset of what this operator keeps: a strict
     * {@code >} is sent as Twilio's inclusive lower bound and refined locally.
     */
    public Optional<Bound> bound() {
        return switch (this) {
            case EQUAL -> Optional.of(Bound.EQUAL);
            case GREATER, GREATER_OR_EQUAL -> Optional.of(Bound.AT_LEAST);
            case LESS, LESS_OR_EQUAL -> Optional.of(Bound.AT_MOST);
            case NOT_EQUAL -> Optional.empty();
        };
    }

    /** True when the comparison's outcome {@code compare(value, literal)} satisfies the operator. */
    boolean test(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
        };
    }
}
