package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Bound;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.catalog.SidShape;
import dev.twilioconnector.error.FilterSyntaxException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a parsed clause into what Twilio evaluates and what is evaluated on each record. Only the
 * conjuncts at the top level of an AND chain (or a clause that is a single comparison) are pushed, and
 * only when the field has a Twilio filter parameter for the bound: {@code =} is {@link Bound#EQUAL}, {@code >=}
 * {@link Bound#AT_LEAST}, {@code <=} {@link Bound#AT_MOST}, and {@code >} and {@code <} the strict {@link Bound#ABOVE}
 * and {@link Bound#BELOW} where the field has them, else the inclusive ones, which keep a superset. The exact
 * condition is evaluated locally too.
 */
public final class FilterPlanner {

    private static final SidShape ANY_SID = SidShape.of("^[A-Z]{2}[0-9a-fA-F]{32}$");
    private static final Pattern PATH_SAFE = Pattern.compile("[A-Za-z0-9_+\\-.]+");

    private FilterPlanner() {
    }

    /** Parses and plans a clause for an entity. */
    public static FilterPlan plan(String clause, Entity entity) {
        return plan(FilterParser.parse(clause, entity));
    }

    public static FilterPlan plan(FilterClause clause) {
        Entity entity = clause.entity();
        Map<String, List<String>> params = new LinkedHashMap<>();
        Map<String, String> parentKeys = new LinkedHashMap<>();
        Map<String, String> requestValues = new LinkedHashMap<>();
        Set<Expression> takenAsTwilios = Collections.newSetFromMap(new IdentityHashMap<>());
        String id = null;
        boolean exact = true;
        Optional<Expression> expression = clause.expression();
        if (expression.isEmpty()) {
            return new FilterPlan(clause, params, parentKeys, requestValues, null, true, null);
        }
        List<Expression> conjuncts = conjuncts(expression.get());
        checkUncarriedFields(entity, expression.get(), conjuncts);
        for (Expression conjunct : conjuncts) {
            if (!(conjunct instanceof Expression.Comparison comparison)) {
                exact = false;
                continue;
            }
            Field field = comparison.field();
            Literal literal = comparison.literal();
            if (comparison.operator() == Operator.EQUAL && field.parameterOfTheRequest()) {
                requestValues.putIfAbsent(field.name(), literal.render());
                if (!field.returned() && field.filters().isEmpty()) {
                    continue;
                }
            }
            if (comparison.operator() == Operator.EQUAL) {
                Optional<String> parentKey = parentKey(entity, field);
                if (parentKey.isPresent()) {
                    String value = literal.render();
                    if (!PATH_SAFE.matcher(value).matches() || value.equals(".") || value.equals("..")) {
                        throw new FilterSyntaxException("filterClause: " + field.name() + " names the parent record in the path;"
                                + " expected an id of letters and digits but found " + literal.toSql());
                    }
                    parentKeys.putIfAbsent(parentKey.get(), value);
                    if (!ANY_SID.matches(value)) {
                        // a unique name addresses the parent; the record carries its SID, which no name equals
                        takenAsTwilios.add(conjunct);
                    }
                    continue;
                }
                if (id == null && field.name().equalsIgnoreCase(entity.idField()) && entity.isValidId(literal.render())) {
                    id = literal.render();
                }
            }
            if (field.comparedByTwilioOnly()) {
                takenAsTwilios.add(conjunct);
            }
            Optional<Pushed> pushed = dayStart(entity, comparison).or(() -> pushed(entity, comparison));
            if (pushed.isPresent()) {
                params.computeIfAbsent(pushed.get().param(), name -> new ArrayList<>()).add(pushed.get().value());
                exact &= pushed.get().exact();
            } else {
                exact = false;
            }
        }
        return new FilterPlan(clause, params, parentKeys, requestValues, id, exact,
                checkedOnRecords(expression.get(), conjuncts, takenAsTwilios));
    }

    /** The clause without the conjuncts whose outcome is Twilio's alone, or null when none is left. */
    private static Expression checkedOnRecords(Expression expression, List<Expression> conjuncts,
                                               Set<Expression> takenAsTwilios) {
        if (takenAsTwilios.isEmpty()) {
            return expression;
        }
        List<Expression> rest = conjuncts.stream().filter(conjunct -> !takenAsTwilios.contains(conjunct)).toList();
        return rest.isEmpty() ? null : rest.size() == 1 ? rest.get(0) : new Expression.And(rest);
    }

    private static List<Expression> conjuncts(Expression expression) {
        return expression instanceof Expression.And and ? and.operands() : List.of(expression);
    }

    private static Optional<String> parentKey(Entity entity, Field field) {
        return entity.parentKeys().stream().filter(key -> key.equalsIgnoreCase(field.name())).findFirst();
    }

    /** A comparison as a query parameter: Twilio's name, the value, and whether Twilio keeps exactly what it keeps. */
    private record Pushed(String param, String value, boolean exact) {
    }

    /**
     * The comparison as the query parameter of the first of its operator's bounds the field has, or empty when it has
     * none. The 2010 API's date bounds take a day ({@code DateSent<=2024-06-01} holds the whole day); the other
     * products' take a date-time, so a day is sent as its midnight in UTC, and {@code <=} a day as {@code <} the next
     * day's midnight, as {@code <=} its own would leave out the rest of the day.
     */
    private static Optional<Pushed> pushed(Entity entity, Expression.Comparison comparison) {
        Field field = comparison.field();
        Operator operator = comparison.operator();
        String value = comparison.literal().render();
        if (field.type() == FieldType.DATETIME && comparison.literal().kind() == Literal.Kind.DAY
                && !Entity.API_PRODUCT.equals(entity.product())) {
            LocalDate day = (LocalDate) comparison.literal().value();
            if (operator == Operator.LESS_OR_EQUAL) {
                operator = Operator.LESS;
                day = day.plusDays(1);
            }
            value = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        }
        for (Bound bound : operator.bounds()) {
            Optional<String> param = field.filterParam(bound);
            if (param.isPresent()) {
                // after a day's midnight is not after the day
                boolean afterADay = bound == Bound.ABOVE && comparison.literal().kind() == Literal.Kind.DAY;
                return Optional.of(new Pushed(param.get(), value,
                        bound.symbol().equals(comparison.operator().symbol()) && !afterADay && sameMeaning(entity, comparison)));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code Field = 'YYYY-MM-DD'} on a date-time that Twilio bounds but does not compare for equality (Insights'
     * {@code StartTime}): the day's start, its midnight in UTC, as the field's inclusive lower bound, or empty when it
     * has none. Twilio reads such a list over a default window when no bound is sent (Insights' last four hours); the
     * upper end is left to the connector, as what an upper bound such as Insights' {@code EndTime} bounds is not
     * certain from its text, and the day's start alone keeps a superset whatever it is.
     */
    private static Optional<Pushed> dayStart(Entity entity, Expression.Comparison comparison) {
        Field field = comparison.field();
        if (comparison.operator() != Operator.EQUAL || comparison.literal().kind() != Literal.Kind.DAY
                || field.type() != FieldType.DATETIME || Entity.API_PRODUCT.equals(entity.product())
                || field.filterParam(Bound.EQUAL).isPresent()) {
            return Optional.empty();
        }
        LocalDate day = (LocalDate) comparison.literal().value();
        return field.filterParam(Bound.AT_LEAST)
                .map(param -> new Pushed(param, day.atStartOfDay(ZoneOffset.UTC).toInstant().toString(), false));
    }

    /**
     * True when Twilio's filter for the comparison's own operator keeps exactly the records the comparison keeps: the
     * 2010 API compares its date bounds by day, the other products by instant.
     */
    private static boolean sameMeaning(Entity entity, Expression.Comparison comparison) {
        if (!comparison.field().returned()) {
            return true;
        }
        FieldType type = comparison.field().type();
        return switch (type) {
            case STRING, INTEGER, BOOLEAN, DATE -> true;
            case DATETIME -> comparison.literal().kind() == Literal.Kind.DAY || !Entity.API_PRODUCT.equals(entity.product());
            default -> false;
        };
    }

    /**
     * A field that records do not carry (a search-only parameter, a parent key that only fills the path, a query
     * parameter or header of an operation) is applied by Twilio alone, so it may only be a top-level conjunct
     * {@code Field = value} that Twilio receives.
     */
    private static void checkUncarriedFields(Entity entity, Expression expression, List<Expression> conjuncts) {
        Set<Expression> allowed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Expression conjunct : conjuncts) {
            if (conjunct instanceof Expression.Comparison comparison && comparison.operator() == Operator.EQUAL
                    && (comparison.field().filterParam(Bound.EQUAL).isPresent() || parentKey(entity, comparison.field()).isPresent()
                    || comparison.field().parameterOfTheRequest())) {
                allowed.add(conjunct);
            }
        }
        walk(entity, expression, allowed);
    }

    private static void walk(Entity entity, Expression expression, Set<Expression> allowed) {
        if (expression instanceof Expression.And and) {
            and.operands().forEach(operand -> walk(entity, operand, allowed));
        } else if (expression instanceof Expression.Or or) {
            or.operands().forEach(operand -> walk(entity, operand, allowed));
        } else if (expression instanceof Expression.Not not) {
            walk(entity, not.operand(), allowed);
        } else {
            Field field = leafField(expression);
            if (field.comparedByTwilioOnly() && !(expression instanceof Expression.IsNull) && !allowed.contains(expression)) {
                throw new FilterSyntaxException("filterClause: " + field.name() + " is "
                        + (field.type() == FieldType.LIST ? "a list" : "an object") + " that Twilio filters by "
                        + field.filterParam(Bound.EQUAL).orElseThrow() + "; it can only be used as " + field.name()
                        + " = value joined with AND, or with IS NULL, but found " + expression.toSql());
            }
            if (!field.returned() && !allowed.contains(expression)) {
                String what = parentKey(entity, field).isPresent()
                        ? " is a parent key that fills the request path and records do not carry;"
                        : " is a search parameter that Twilio evaluates and records do not carry;";
                throw new FilterSyntaxException("filterClause: " + field.name() + what + " it can only be used as " + field.name()
                        + " = value joined with AND, but found " + expression.toSql());
            }
        }
    }

    private static Field leafField(Expression leaf) {
        if (leaf instanceof Expression.Comparison comparison) {
            return comparison.field();
        }
        if (leaf instanceof Expression.Like like) {
            return like.field();
        }
        if (leaf instanceof Expression.In in) {
            return in.field();
        }
        if (leaf instanceof Expression.IsNull isNull) {
            return isNull.field();
        }
        throw new IllegalStateException("Not a leaf: " + leaf);
    }
}
