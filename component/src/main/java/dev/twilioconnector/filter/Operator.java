package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Bound;

import java.util.List;
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
     * The Twilio bounds that select what this operator keeps, the exact one first and then the inclusive one that
     * selects a superset: a strict {@code >} goes to a strict bound where the field has one ({@code ...After} that
     * Twilio reads as "after"), else to the inclusive lower bound, and is refined locally.
     */
    public List<Bound> bounds() {
        return switch (this) {
            case EQUAL -> List.of(Bound.EQUAL);
            case GREATER -> List.of(Bound.ABOVE, Bound.AT_LEAST);
            case GREATER_OR_EQUAL -> List.of(Bound.AT_LEAST);
            case LESS -> List.of(Bound.BELOW, Bound.AT_MOST);
            case LESS_OR_EQUAL -> List.of(Bound.AT_MOST);
            case NOT_EQUAL -> List.of();
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
