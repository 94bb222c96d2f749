package dev.twilioconnector.error;

import dev.twilioconnector.error.TwilioConnectorInputException;

/**
 * A filterClause (or sortByColumns) that cannot be used: it does not parse, names a field the entity
 * lacks, or compares a field with a value of the wrong kind. The message says what was expected,
 * what was found and, where there is one, the 1-based column.
 */
public class FilterSyntaxException extends TwilioConnectorInputException {

    private static final long serialVersionUID = 1L;

    private final int column;

    public FilterSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    public FilterSyntaxException(String message) {
        this(message, 0);
    }

    /** The 1-based column the problem was found at, or 0 when it concerns the clause as a whole. */
    public int column() {
        return column;
    }
}
