package dev.twilioconnector.sql;

import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.filter.FilterPlan;
import dev.twilioconnector.filter.FilterPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Turns the conjuncts of a query's WHERE into the filterClause of a List: each comparison of a column with a
 * constant is written in the filter language and handed to the connector's own {@link FilterPlanner}, and kept
 * when the planner sends it to Twilio (a query parameter, a parent key of the path, or a record's id to GET).
 * What Twilio cannot evaluate stays out of the clause, so each List call reads one Twilio page and no more.
 *
 * <p>Every conjunct written here selects at least the rows the SQL condition keeps, and Calcite still evaluates
 * every condition on the rows: a time is written as its UTC day, and Twilio's day bounds are inclusive
 * ({@code DateSent > TIMESTAMP '2024-06-01 10:00:00'} goes to Twilio as {@code DateSent>=2024-06-01}).
 */
final class TwilioPushdown {

    private final Entity entity;
    private final List<Column> columns;
    private final IntFunction<Object> parameters;

    /**
     * @param parameters the value bound to the statement's {@code ?} of each index
     */
    TwilioPushdown(Entity entity, List<Column> columns, IntFunction<Object> parameters) {
        this.entity = entity;
        this.columns = columns;
        this.parameters = parameters;
    }

    /** The filterClause of the conjuncts Twilio evaluates, "" when none. */
    String clause(List<RexNode> filters) {
        List<String> pushed = new ArrayList<>();
        for (RexNode filter : filters) {
            for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
                comparison(conjunct).filter(this::sentToTwilio).ifPresent(pushed::add);
            }
        }
        return String.join(" AND ", pushed);
    }

    private boolean sentToTwilio(String comparison) {
        try {
            FilterPlan plan = FilterPlanner.plan(comparison, entity);
            return !plan.queryParameters().isEmpty() || !plan.parentKeys().isEmpty() || plan.idEquality().isPresent();
        } catch (TwilioConnectorInputException notForTwilio) {
            return false;
        }
    }

    /** {@code Column <op> value} in the filter language, when the conjunct compares a column with a constant or a {@code ?}. */
    private Optional<String> comparison(RexNode conjunct) {
        if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
            return Optional.empty();
        }
        SqlKind kind = call.getKind();
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
            kind = kind.reverse();
            RexNode swap = left;
            left = right;
            right = swap;
        }
        if (!(left instanceof RexInputRef ref)) {
            return Optional.empty();
        }
        Column column = columns.get(ref.getIndex());
        if (entity.field(column.name()).isEmpty()) {
            return Optional.empty();
        }
        Optional<Object> constant = constant(right, column);
        return operator(kind, column).flatMap(operator -> constant.flatMap(value -> written(column, value))
                .map(value -> column.name() + ' ' + operator + ' ' + value));
    }

    /** A literal, or the value bound to a {@code ?}, as Calcite holds values of the column's type. */
    private Optional<Object> constant(RexNode node, Column column) {
        if (node instanceof RexLiteral literal) {
            Class<?> type = switch (column.sqlType()) {
                case VARCHAR -> String.class;
                case BIGINT, DECIMAL -> BigDecimal.class;
                case BOOLEAN -> Boolean.class;
                case TIMESTAMP -> Long.class;
                case DATE -> Integer.class;
                default -> null;
            };
            return type == null || literal.isNull() ? Optional.empty() : Optional.ofNullable(literal.getValueAs(type));
        }
        if (node instanceof RexDynamicParam parameter) {
            return Optional.ofNullable(parameters.apply(parameter.getIndex()));
        }
        return Optional.empty();
    }

    private static Optional<String> written(Column column, Object value) {
        return switch (column.sqlType()) {
            case VARCHAR -> column.type() == FieldType.STRING && value instanceof String text
                    ? Optional.of(quoted(text)) : Optional.empty();
            case BIGINT, DECIMAL -> value instanceof Number number
                    ? Optional.of(new BigDecimal(number.toString()).toPlainString()) : Optional.empty();
            case BOOLEAN -> value instanceof Boolean bool ? Optional.of(bool.toString()) : Optional.empty();
            case TIMESTAMP -> millis(value)
                    .map(millis -> quoted(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).toString()));
            case DATE -> value instanceof Number days ? Optional.of(quoted(LocalDate.ofEpochDay(days.longValue()).toString()))
                    : value instanceof java.sql.Date date ? Optional.of(quoted(date.toLocalDate().toString())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Long> millis(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.longValue());
        }
        return value instanceof java.util.Date date ? Optional.of(date.getTime()) : Optional.empty();
    }

    /** Times become days, whose bounds are inclusive: a strict bound widens to the day that holds it. */
    private static Optional<String> operator(SqlKind kind, Column column) {
        boolean time = column.sqlType() == SqlTypeName.TIMESTAMP;
        return switch (kind) {
            case EQUALS -> Optional.of("=");
            case GREATER_THAN -> Optional.of(time ? ">=" : ">");
            case GREATER_THAN_OR_EQUAL -> Optional.of(">=");
            case LESS_THAN -> Optional.of(time ? "<=" : "<");
            case LESS_THAN_OR_EQUAL -> Optional.of("<=");
            default -> Optional.empty();
        };
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
