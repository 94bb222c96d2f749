package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Field;

import java.util.List;
import java.util.stream.Collectors;

/** A parsed filterClause: an immutable tree whose leaves are conditions on one field. */
public sealed interface Expression {

    /** The expression written back as a fully parenthesised clause, with canonical field names. */
    String toSql();

    /** All operands hold. Nested ANDs are flattened, so the operands are the top-level conjuncts. */
    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toSql() {
            return operands.stream().map(Expression::toSql).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    /** At least one operand holds. Nested ORs are flattened. */
    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toSql() {
            return operands.stream().map(Expression::toSql).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public String toSql() {
            return "NOT " + operand.toSql();
        }
    }

    /** {@code field <operator> literal}. */
    record Comparison(Field field, Operator operator, Literal literal) implements Expression {
        @Override
        public String toSql() {
            return field.name() + ' ' + operator.symbol() + ' ' + literal.toSql();
        }
    }

    /** {@code field [NOT] LIKE 'pattern'}. */
    record Like(Field field, LikePattern pattern, boolean negated) implements Expression {
        @Override
        public String toSql() {
            return field.name() + (negated ? " NOT LIKE '" : " LIKE '") + pattern.text().replace("'", "''") + "'";
        }
    }

    /** {@code field [NOT] IN (literal, ...)}. */
    record In(Field field, List<Literal> values, boolean negated) implements Expression {
        public In {
            values = List.copyOf(values);
        }

        @Override
        public String toSql() {
            return field.name() + (negated ? " NOT IN " : " IN ")
                    + values.stream().map(Literal::toSql).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** {@code field IS [NOT] NULL}: an absent field is null. */
    record IsNull(Field field, boolean negated) implements Expression {
        @Override
        public String toSql() {
            return field.name() + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }
}
