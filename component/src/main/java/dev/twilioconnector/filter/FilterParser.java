package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Bound;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import dev.twilioconnector.catalog.FieldType;
import dev.twilioconnector.error.FilterSyntaxException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive-descent parser of the filter language:
 * <pre>
 * clause     := [ orExpr ] END | SID END
 * orExpr     := andExpr { OR andExpr }
 * andExpr    := notExpr { AND notExpr }
 * notExpr    := NOT notExpr | primary
 * primary    := '(' orExpr ')' | field predicate
 * predicate  := compareOp value | [NOT] LIKE string | [NOT] IN '(' value { ',' value } ')' | IS [NOT] NULL
 * value      := string | number | TRUE | FALSE
 * </pre>
 * Keywords are case-insensitive; fields are resolved through {@link Entity#field(String)} (aliases
 * included) and each literal is checked against and converted to its field's type.
 */
public final class FilterParser {

    private static final String DATETIME_FORM = "a date 'YYYY-MM-DD' or a date-time 'YYYY-MM-DDTHH:MM:SSZ'";

    private final Entity entity;
    private final List<Token> tokens;
    private int index;

    private FilterParser(Entity entity, List<Token> tokens) {
        this.entity = entity;
        this.tokens = tokens;
    }

    /**
     * Parses a clause for an entity. Null, empty or blank gives an empty clause; a clause that is one
     * token with the shape of the entity's id (quoted or not) means {@code <idField> = '<id>'}.
     *
     * @throws FilterSyntaxException when the clause does not parse, names an unknown field or compares
     *                               a field with a value of the wrong kind
     */
    public static FilterClause parse(String clause, Entity entity) {
        String text = clause == null ? "" : clause;
        List<Token> tokens = Lexer.tokenize(text);
        if (tokens.size() == 1) {
            return new FilterClause(text, entity, null);
        }
        Optional<Expression> sid = bareSid(tokens, entity);
        if (sid.isPresent()) {
            return new FilterClause(text, entity, sid.get());
        }
        FilterParser parser = new FilterParser(entity, tokens);
        Expression expression = parser.orExpression();
        Token rest = parser.peek();
        if (!rest.is(Token.Type.END)) {
            String expected = rest.is(Token.Type.RIGHT_PAREN) ? "AND, OR or end of input (this ')' has no matching '(')"
                    : "AND, OR or end of input";
            throw parser.error(expected, rest);
        }
        return new FilterClause(text, entity, expression);
    }

    private static Optional<Expression> bareSid(List<Token> tokens, Entity entity) {
        Token only = tokens.get(0);
        if (tokens.size() != 2 || entity.idField() == null
                || !(only.is(Token.Type.IDENTIFIER) || only.is(Token.Type.STRING)) || !entity.isValidId(only.text())) {
            return Optional.empty();
        }
        Optional<Field> idField = entity.field(entity.idField());
        return idField.map(field -> new Expression.Comparison(field, Operator.EQUAL, Literal.string(only.text())));
    }

    // ---- grammar -------------------------------------------------------------------------------

    private Expression orExpression() {
        List<Expression> operands = new ArrayList<>();
        add(operands, andExpression(), Expression.Or.class);
        while (peek().isKeyword("OR")) {
            index++;
            add(operands, andExpression(), Expression.Or.class);
        }
        return operands.size() == 1 ? operands.get(0) : new Expression.Or(operands);
    }

    private Expression andExpression() {
        List<Expression> operands = new ArrayList<>();
        add(operands, notExpression(), Expression.And.class);
        while (peek().isKeyword("AND")) {
            index++;
            add(operands, notExpression(), Expression.And.class);
        }
        return operands.size() == 1 ? operands.get(0) : new Expression.And(operands);
    }

    /** Adds an operand, flattening one of the same kind ({@code (a AND b) AND c} is {@code a AND b AND c}). */
    private static void add(List<Expression> operands, Expression operand, Class<? extends Expression> kind) {
        if (operand instanceof Expression.And and && kind == Expression.And.class) {
            operands.addAll(and.operands());
        } else if (operand instanceof Expression.Or or && kind == Expression.Or.class) {
            operands.addAll(or.operands());
        } else {
            operands.add(operand);
        }
    }

    private Expression notExpression() {
        if (peek().isKeyword("NOT")) {
            index++;
            return new Expression.Not(notExpression());
        }
        return primary();
    }

    private Expression primary() {
        Token token = peek();
        if (token.is(Token.Type.LEFT_PAREN)) {
            index++;
            Expression inner = orExpression();
            Token close = peek();
            if (!close.is(Token.Type.RIGHT_PAREN)) {
                throw error("AND, OR or ')' (closing the '(' at column " + token.column() + ")", close);
            }
            index++;
            return inner;
        }
        if (!token.is(Token.Type.IDENTIFIER) || Keywords.isKeyword(token.text())) {
            throw error("a field name, NOT or '('", token);
        }
        index++;
        Field field = resolve(token);
        return predicate(field, token);
    }

    private Expression predicate(Field field, Token fieldToken) {
        Token token = peek();
        if (token.is(Token.Type.OPERATOR)) {
            index++;
            Operator operator = Operator.fromSymbol(token.text())
                    .orElseThrow(() -> error("an operator", token));
            Token valueToken = peek();
            Literal literal = literal(field, "a value after '" + token.text() + "'", valueToken);
            checkOperator(field, operator, token);
            return new Expression.Comparison(field, operator, literal);
        }
        boolean negated = false;
        if (token.isKeyword("NOT")) {
            index++;
            negated = true;
            Token next = peek();
            if (!next.isKeyword("LIKE") && !next.isKeyword("IN")) {
                throw error("LIKE or IN after NOT", next);
            }
        }
        Token keyword = peek();
        if (keyword.isKeyword("LIKE")) {
            index++;
            Token pattern = peek();
            if (!pattern.is(Token.Type.STRING)) {
                throw error("a quoted pattern after LIKE", pattern);
            }
            index++;
            if (field.type() != FieldType.STRING) {
                throw new FilterSyntaxException("filterClause: LIKE applies to text fields but " + field.name() + " is "
                        + typeName(field) + "; expected a comparison such as " + field.name() + " = " + example(field)
                        + " at column " + keyword.column() + " but found LIKE", keyword.column());
            }
            return new Expression.Like(field, LikePattern.compile(pattern.text(), pattern.column()), negated);
        }
        if (keyword.isKeyword("IN")) {
            index++;
            Token open = peek();
            if (!open.is(Token.Type.LEFT_PAREN)) {
                throw error("'(' after IN", open);
            }
            index++;
            List<Literal> values = new ArrayList<>();
            values.add(literal(field, "a value in the IN list", peek()));
            while (true) {
                Token separator = peek();
                if (separator.is(Token.Type.RIGHT_PAREN)) {
                    index++;
                    break;
                }
                if (!separator.is(Token.Type.COMMA)) {
                    throw error("',' or ')' in the IN list", separator);
                }
                index++;
                values.add(literal(field, "a value after ','", peek()));
            }
            checkOperator(field, Operator.EQUAL, keyword);
            return new Expression.In(field, values, negated);
        }
        if (keyword.isKeyword("IS")) {
            index++;
            boolean not = false;
            if (peek().isKeyword("NOT")) {
                index++;
                not = true;
            }
            Token nul = peek();
            if (!nul.isKeyword("NULL")) {
                throw error(not ? "NULL after IS NOT" : "NULL or NOT NULL after IS", nul);
            }
            index++;
            return new Expression.IsNull(field, not);
        }
        throw error("an operator (=, !=, <>, <, <=, >, >=, LIKE, NOT LIKE, IN, NOT IN, IS NULL, IS NOT NULL) after '"
                + fieldToken.text() + "'", keyword);
    }

    // ---- fields and values ---------------------------------------------------------------------

    private Field resolve(Token token) {
        Optional<Field> field = entity.field(token.text());
        if (field.isEmpty()) {
            throw new FilterSyntaxException("filterClause: unknown field '" + token.text() + "' at column " + token.column()
                    + "; " + entity.name() + " has the fields " + entity.fieldNames(), token.column());
        }
        Field found = field.get();
        if (!found.returned() && !found.searchOnly() && !isParentKey(entity, found) && !found.parameterOfTheRequest()) {
            throw new FilterSyntaxException("filterClause: " + found.name() + " at column " + token.column()
                    + " is only sent to Twilio, never returned, so no condition can test it; expected one of the fields "
                    + testableFieldNames(), token.column());
        }
        return found;
    }

    static boolean isParentKey(Entity entity, Field field) {
        return entity.parentKeys().stream().anyMatch(key -> key.equalsIgnoreCase(field.name()));
    }

    private String testableFieldNames() {
        return entity.fields().stream()
                .filter(field -> field.returned() || field.searchOnly() || isParentKey(entity, field)
                        || field.parameterOfTheRequest())
                .map(Field::name)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Reads one literal and converts it to the field's type. */
    private Literal literal(Field field, String expected, Token token) {
        if (token.is(Token.Type.STRING) || token.is(Token.Type.NUMBER) || token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
            index++;
            return coerce(field, token);
        }
        if (token.isKeyword("NULL")) {
            throw new FilterSyntaxException("filterClause: expected " + expected + " at column " + token.column()
                    + " but found NULL, which never compares equal to anything; write " + field.name() + " IS NULL or "
                    + field.name() + " IS NOT NULL", token.column());
        }
        if (token.is(Token.Type.IDENTIFIER) && !Keywords.isKeyword(token.text())) {
            throw new FilterSyntaxException("filterClause: expected " + expected + " at column " + token.column()
                    + " but found " + token.describe() + " (quote text values: '" + token.text() + "')", token.column());
        }
        throw error(expected, token);
    }

    private Literal coerce(Field field, Token token) {
        boolean isString = token.is(Token.Type.STRING);
        boolean isNumber = token.is(Token.Type.NUMBER);
        boolean isBoolean = !isString && !isNumber;
        if (field.comparedByTwilioOnly()) {
            return Literal.string(token.text());
        }
        switch (field.type()) {
            case STRING:
                return Literal.string(isBoolean ? token.text().toLowerCase() : token.text());
            case INTEGER:
            case NUMBER: {
                BigDecimal number = isBoolean ? null : TypedValues.parseNumber(token.text().trim());
                if (number == null) {
                    throw typeError(field, "a number such as 10 or 0.0075", token);
                }
                return Literal.number(number, token.text().trim());
            }
            case BOOLEAN:
                if (!isBoolean) {
                    throw typeError(field, "true or false", token);
                }
                return Literal.bool(token.isKeyword("TRUE"));
            case DATETIME: {
                if (isString) {
                    String text = token.text().trim();
                    if (TypedValues.looksLikeDay(text)) {
                        LocalDate day = TypedValues.parseDay(text);
                        if (day != null) {
                            return Literal.day(day, text);
                        }
                    } else {
                        Instant instant = TypedValues.parseInstant(text);
                        if (instant != null && text.length() > 10) {
                            return Literal.instant(instant, text);
                        }
                    }
                }
                throw typeError(field, DATETIME_FORM, token);
            }
            case DATE: {
                LocalDate day = isString ? TypedValues.parseDay(token.text().trim()) : null;
                if (day == null) {
                    throw typeError(field, "a date 'YYYY-MM-DD'", token);
                }
                return Literal.day(day, token.text().trim());
            }
            default:
                throw new FilterSyntaxException("filterClause: " + field.name() + " is " + typeName(field)
                        + "; expected IS NULL or IS NOT NULL, the only tests that apply to it, but found a comparison with "
                        + token.describe() + " at column " + token.column(), token.column());
        }
    }

    private static void checkOperator(Field field, Operator operator, Token token) {
        if (field.comparedByTwilioOnly() && operator != Operator.EQUAL) {
            throw new FilterSyntaxException("filterClause: " + field.name() + " is " + typeName(field)
                    + " that Twilio filters by " + field.filterParam(Bound.EQUAL).orElseThrow() + "; expected "
                    + field.name() + " = 'value', IS NULL or IS NOT NULL but found '" + token.text() + "' at column "
                    + token.column(), token.column());
        }
        if (field.type() == FieldType.BOOLEAN && operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
            throw new FilterSyntaxException("filterClause: " + field.name() + " is a boolean; expected = or != but found '"
                    + token.text() + "' at column " + token.column(), token.column());
        }
    }

    private static FilterSyntaxException typeError(Field field, String form, Token token) {
        return new FilterSyntaxException("filterClause: " + field.name() + " is " + typeName(field) + "; expected " + form
                + " at column " + token.column() + " but found " + token.describe(), token.column());
    }

    private static String typeName(Field field) {
        return switch (field.type()) {
            case STRING -> "text";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case DATETIME -> "a date-time";
            case DATE -> "a date";
            case LIST -> "a list";
            case OBJECT -> "an object";
        };
    }

    private static String example(Field field) {
        return switch (field.type()) {
            case INTEGER, NUMBER -> "10";
            case BOOLEAN -> "true";
            case DATETIME, DATE -> "'2024-06-01'";
            default -> "'text'";
        };
    }

    // ---- tokens --------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(index);
    }

    private FilterSyntaxException error(String expected, Token found) {
        return new FilterSyntaxException("filterClause: expected " + expected + " at column " + found.column()
                + " but found " + found.describe(), found.column());
    }
}
