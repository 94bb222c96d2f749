package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Entity;

import java.util.Optional;

/**
 * A filterClause parsed against an entity. An empty or blank clause parses to an empty condition:
 * List takes it as "no condition", Update and Delete must refuse it ({@link #isEmpty()}).
 */
public final class FilterClause {

    private final String text;
    private final Entity entity;
    private final Expression expression;

    FilterClause(String text, Entity entity, Expression expression) {
        this.text = text;
        this.entity = entity;
        this.expression = expression;
    }

    /** Parses the clause; see {@link FilterParser#parse(String, Entity)}. */
    public static FilterClause parse(String text, Entity entity) {
        return FilterParser.parse(text, entity);
    }

    /** True when the clause states no condition (null, empty or blank). */
    public boolean isEmpty() {
        return expression == null;
    }

    /** The condition, absent for an empty clause. */
    public Optional<Expression> expression() {
        return Optional.ofNullable(expression);
    }

    /** The clause as the user wrote it ("" for null). */
    public String text() {
        return text;
    }

    public Entity entity() {
        return entity;
    }

    /** The condition written back with canonical field names, "" when empty. */
    public String toSql() {
        return expression == null ? "" : expression.toSql();
    }

    @Override
    public String toString() {
        return toSql();
    }
}
