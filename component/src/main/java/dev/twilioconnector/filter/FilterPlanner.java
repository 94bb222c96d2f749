package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Bound;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.error.FilterSyntaxException;

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
 * only when the field has a Twilio filter parameter for the bound: {@code =} is {@link Bound#EQUAL},
 * {@code >=} and {@code >} are {@link Bound#AT_LEAST}, {@code <=} and {@code <} {@link Bound#AT_MOST}
 * (Twilio's bounds are inclusive; the exact condition is evaluated locally too).
 */
public final class FilterPlanner {

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
        String id = null;
        boolean exact = true;
        Optional<Expression> expression = clause.expression();
        if (expression.isEmpty()) {
            return new FilterPlan(clause, params, parentKeys, requestValues, null, true);
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
                    continue;
                }
                if (id == null && field.name().equalsIgnoreCase(entity.idField()) && entity.isValidId(literal.render())) {
                    id = literal.render();
                }
            }
            Optional<Bound> bound = comparison.operator().bound();
            Optional<String> param = bound.flatMap(field::filterParam);
            if (param.isPresent()) {
                params.computeIfAbsent(param.get(), name -> new ArrayList<>()).add(literal.render());
                exact &= sameMeaning(comparison);
            } else {
                exact = false;
            }
        }
        return new FilterPlan(clause, params, parentKeys, requestValues, id, exact);
    }

    private static List<Expression> conjuncts(Expression expression) {
        return expression instanceof Expression.And and ? and.operands() : List.of(expression);
    }

    private static Optional<String> parentKey(Entity entity, Field field) {
        return entity.parentKeys().stream().filter(key -> key.equalsIgnoreCase(field.name())).findFirst();
    }

    /** True when Twilio's filter keeps exactly the records the comparison keeps. */
    private static boolean sameMeaning(Expression.Comparison comparison) {
        Operator operator = comparison.operator();
        if (operator == Operator.GREATER || operator == Operator.LESS) {
            return false;
        }
        if (!comparison.field().returned()) {
            return true;
        }
        FieldType type = comparison.field().type();
        return switch (type) {
            case STRING, INTEGER, BOOLEAN, DATE -> true;
            case DATETIME -> comparison.literal().kind() == Literal.Kind.DAY;
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
