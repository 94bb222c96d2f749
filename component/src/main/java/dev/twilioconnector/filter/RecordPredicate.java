package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Field;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates a filter expression on one record with SQL's three-valued logic: a record is kept only
 * when the condition is TRUE. Records are keyed by the connector's field names; a missing key is null.
 * Conditions on fields that records do not carry ({@link Field#returned()} false: search-only
 * parameters such as {@code AreaCode}, parent keys that only fill the path) are TRUE: Twilio applied
 * them. The planner lets such a field appear only as a top-level {@code Field = value} conjunct.
 */
public final class RecordPredicate implements Predicate<Map<String, Object>> {

    private static final RecordPredicate ALWAYS = new RecordPredicate(null);

    private final Expression expression;

    private RecordPredicate(Expression expression) {
        this.expression = expression;
    }

    /** The predicate of an expression; null means no condition (every record is kept). */
    public static RecordPredicate of(Expression expression) {
        return expression == null ? ALWAYS : new RecordPredicate(expression);
    }

    /** True when the condition is TRUE for the record (not FALSE, not UNKNOWN). */
    @Override
    public boolean test(Map<String, Object> record) {
        return expression == null || evaluate(expression, record) == Truth.TRUE;
    }

    /** The three-valued outcome of the expression on the record. */
    public static Truth evaluate(Expression expression, Map<String, Object> record) {
        if (expression instanceof Expression.And and) {
            Truth result = Truth.TRUE;
            for (Expression operand : and.operands()) {
                Truth truth = evaluate(operand, record);
                if (truth == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (truth == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
        if (expression instanceof Expression.Or or) {
            Truth result = Truth.FALSE;
            for (Expression operand : or.operands()) {
                Truth truth = evaluate(operand, record);
                if (truth == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (truth == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
        if (expression instanceof Expression.Not not) {
            return evaluate(not.operand(), record).not();
        }
        if (expression instanceof Expression.Comparison comparison) {
            if (!comparison.field().returned()) {
                return Truth.TRUE;
            }
            return compare(comparison.field(), value(record, comparison.field()), comparison.operator(), comparison.literal());
        }
        if (expression instanceof Expression.Like like) {
            if (!like.field().returned()) {
                return Truth.TRUE;
            }
            Object value = value(record, like.field());
            if (value == null) {
                return Truth.UNKNOWN;
            }
            boolean matches = like.pattern().matches(TypedValues.string(value));
            return Truth.of(matches != like.negated());
        }
        if (expression instanceof Expression.In in) {
            if (!in.field().returned()) {
                return Truth.TRUE;
            }
            Object value = value(record, in.field());
            Truth result = Truth.FALSE;
            for (Literal literal : in.values()) {
                Truth truth = compare(in.field(), value, Operator.EQUAL, literal);
                if (truth == Truth.TRUE) {
                    result = Truth.TRUE;
                    break;
                }
                if (truth == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return in.negated() ? result.not() : result;
        }
        if (expression instanceof Expression.IsNull isNull) {
            if (!isNull.field().returned()) {
                return Truth.TRUE;
            }
            return Truth.of((value(record, isNull.field()) == null) != isNull.negated());
        }
        throw new IllegalStateException("Unknown expression " + expression);
    }

    private static Truth compare(Field field, Object value, Operator operator, Literal literal) {
        Integer comparison = TypedValues.compare(field, value, literal);
        return comparison == null ? Truth.UNKNOWN : Truth.of(operator.test(comparison));
    }

    private static Object value(Map<String, Object> record, Field field) {
        return record.get(field.name());
    }

    @Override
    public String toString() {
        return expression == null ? "TRUE" : expression.toSql();
    }
}
