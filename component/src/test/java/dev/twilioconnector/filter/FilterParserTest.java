package dev.twilioconnector.filter;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.TestEntities;
import dev.twilioconnector.error.FilterSyntaxException;
import dev.twilioconnector.error.TwilioConnectorInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterParserTest {

    private static final Entity MESSAGES = TestEntities.messages();
    private static final String SID = "SM0123456789abcdef0123456789abcdef";

    private static String sql(String clause) {
        return FilterParser.parse(clause, MESSAGES).toSql();
    }

    private static Expression expression(String clause) {
        return FilterParser.parse(clause, MESSAGES).expression().orElseThrow();
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(sql("Status = 'a' OR Status = 'b' AND Body = 'c'"))
                .isEqualTo("(Status = 'a' OR (Status = 'b' AND Body = 'c'))");
        assertThat(sql("Status = 'a' AND Status = 'b' OR Body = 'c'"))
                .isEqualTo("((Status = 'a' AND Status = 'b') OR Body = 'c')");
    }

    @Test
    void notBindsTighterThanAnd() {
        assertThat(sql("NOT Status = 'a' AND Body = 'c'")).isEqualTo("(NOT Status = 'a' AND Body = 'c')");
        assertThat(sql("NOT NOT Status = 'a'")).isEqualTo("NOT NOT Status = 'a'");
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(sql("(Status = 'a' OR Status = 'b') AND Body = 'c'"))
                .isEqualTo("((Status = 'a' OR Status = 'b') AND Body = 'c')");
        assertThat(sql("NOT (Status = 'a' AND Body = 'c')")).isEqualTo("NOT (Status = 'a' AND Body = 'c')");
        assertThat(sql("((Status = 'a'))")).isEqualTo("Status = 'a'");
    }

    @Test
    void nestedAndChainsAreFlattenedIntoTopLevelConjuncts() {
        Expression expression = expression("(Status = 'a' AND Body = 'b') AND (To = 'c' AND Sid = 'd')");
        assertThat(expression).isInstanceOf(Expression.And.class);
        assertThat(((Expression.And) expression).operands()).hasSize(4);
    }

    @Test
    void doubledSingleQuoteEscapesAQuote() {
        Expression.Comparison comparison = (Expression.Comparison) expression("Body = 'it''s here'");
        assertThat(comparison.literal().value()).isEqualTo("it's here");
        assertThat(comparison.toSql()).isEqualTo("Body = 'it''s here'");
    }

    @Test
    void doubleQuotedStringsUseDoubledDoubleQuoteAsEscape() {
        Expression.Comparison comparison = (Expression.Comparison) expression("Body = \"say \"\"hi\"\" it's me\"");
        assertThat(comparison.literal().value()).isEqualTo("say \"hi\" it's me");
    }

    @Test
    void stringsKeepSpacesKeywordsAndOperatorsVerbatim() {
        Expression.Comparison comparison = (Expression.Comparison) expression("Body='a AND b = (c)'");
        assertThat(comparison.literal().value()).isEqualTo("a AND b = (c)");
        assertThat(((Expression.Comparison) expression("Body = ''")).literal().value()).isEqualTo("");
    }

    @Test
    void numbersMayBeIntegersDecimalsOrNegative() {
        assertThat(((Expression.Comparison) expression("NumSegments = 3")).literal().value()).isEqualTo(new BigDecimal("3"));
        assertThat(((Expression.Comparison) expression("Price >= -0.0075")).literal().value()).isEqualTo(new BigDecimal("-0.0075"));
        assertThat(((Expression.Comparison) expression("Price<-1")).literal().value()).isEqualTo(new BigDecimal("-1"));
        assertThat(((Expression.Comparison) expression("Price > .5")).literal().value()).isEqualTo(new BigDecimal("0.5"));
        assertThat(((Expression.Comparison) expression("NumSegments = '4'")).literal().value()).isEqualTo(new BigDecimal("4"));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(sql("status = 'a' and not body like 'x%' or To in ('1') AND Body is not null And Redacted = TRUE"))
                .isEqualTo("((Status = 'a' AND NOT Body LIKE 'x%') OR (To IN ('1') AND Body IS NOT NULL AND Redacted = true))");
        assertThat(sql("Redacted = False")).isEqualTo("Redacted = false");
    }

    @Test
    void everyOperatorParses() {
        assertThat(sql("NumSegments = 1")).isEqualTo("NumSegments = 1");
        assertThat(sql("NumSegments != 1")).isEqualTo("NumSegments != 1");
        assertThat(sql("NumSegments <> 1")).isEqualTo("NumSegments != 1");
        assertThat(sql("NumSegments < 1")).isEqualTo("NumSegments < 1");
        assertThat(sql("NumSegments <= 1")).isEqualTo("NumSegments <= 1");
        assertThat(sql("NumSegments > 1")).isEqualTo("NumSegments > 1");
        assertThat(sql("NumSegments >= 1")).isEqualTo("NumSegments >= 1");
        assertThat(sql("Body LIKE '%x%'")).isEqualTo("Body LIKE '%x%'");
        assertThat(sql("Body NOT LIKE '%x%'")).isEqualTo("Body NOT LIKE '%x%'");
        assertThat(sql("Status IN ('a', 'b')")).isEqualTo("Status IN ('a', 'b')");
        assertThat(sql("Status NOT IN ('a')")).isEqualTo("Status NOT IN ('a')");
        assertThat(sql("Body IS NULL")).isEqualTo("Body IS NULL");
        assertThat(sql("Body IS NOT NULL")).isEqualTo("Body IS NOT NULL");
    }

    @Test
    void operatorsNeedNoSurroundingSpaces() {
        assertThat(sql("NumSegments>=1AND(Status='a'OR Status='b')"))
                .isEqualTo("(NumSegments >= 1 AND (Status = 'a' OR Status = 'b'))");
    }

    @Test
    void fieldNamesAreMatchedIgnoringCaseAndCanonicalised() {
        assertThat(sql("datesent >= '2024-06-01' and NUMSEGMENTS = 2"))
                .isEqualTo("(DateSent >= '2024-06-01' AND NumSegments = 2)");
    }

    @Test
    void twilioNamesAreAliasesForConnectorFields() {
        Expression.Comparison from = (Expression.Comparison) expression("From = '+15017122661'");
        assertThat(from.field().name()).isEqualTo("Sender");
        assertThat(from.toSql()).isEqualTo("Sender = '+15017122661'");
        assertThat(sql("FriendlyName = 'x' AND friendly_name = 'y'")).isEqualTo("(Name = 'x' AND Name = 'y')");
    }

    @Test
    void aBareSidMeansTheIdFieldEqualsIt() {
        assertThat(sql(SID)).isEqualTo("Sid = '" + SID + "'");
        assertThat(sql("  '" + SID + "'  ")).isEqualTo("Sid = '" + SID + "'");
        assertThat(sql("\"" + SID + "\"")).isEqualTo("Sid = '" + SID + "'");
    }

    @Test
    void aBareTokenThatIsNotASidIsAnUnknownField() {
        assertThatThrownBy(() -> FilterParser.parse("XX0123456789abcdef0123456789abcdef", MESSAGES))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessageStartingWith("filterClause: unknown field 'XX0123456789abcdef0123456789abcdef' at column 1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void anEmptyOrBlankClauseParsesToNoCondition(String clause) {
        FilterClause parsed = FilterParser.parse(clause, MESSAGES);
        assertThat(parsed.isEmpty()).isTrue();
        assertThat(parsed.expression()).isEmpty();
    }

    @Test
    void dateLiteralsOnDateTimeFieldsAreDaysOrInstants() {
        Literal day = ((Expression.Comparison) expression("DateSent >= '2024-06-01'")).literal();
        assertThat(day.kind()).isEqualTo(Literal.Kind.DAY);
        assertThat(day.value()).isEqualTo(LocalDate.of(2024, 6, 1));

        assertThat(((Expression.Comparison) expression("DateSent >= '2024-06-01T10:00:00Z'")).literal().value())
                .isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
        assertThat(((Expression.Comparison) expression("DateSent >= '2024-06-01T10:00:00'")).literal().value())
                .isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
        assertThat(((Expression.Comparison) expression("DateSent >= '2024-06-01T12:00:00+02:00'")).literal().value())
                .isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
        assertThat(((Expression.Comparison) expression("DateSent >= '2024-06-01 10:00:00'")).literal().value())
                .isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
    }

    @Test
    void textFieldsTakeNumbersAndBooleansAsText() {
        assertThat(((Expression.Comparison) expression("To = 15551234567")).literal().value()).isEqualTo("15551234567");
        assertThat(((Expression.Comparison) expression("Body = TRUE")).literal().value()).isEqualTo("true");
    }

    @Test
    void unknownFieldNamesTheFieldTheEntityAndItsFields() {
        assertThatThrownBy(() -> FilterParser.parse("Status = 'sent' AND Colour = 'red'", MESSAGES))
                .isInstanceOf(FilterSyntaxException.class)
                .isInstanceOf(TwilioConnectorInputException.class)
                .hasMessage("filterClause: unknown field 'Colour' at column 21; Messages has the fields "
                        + "Sid, Sender, To, Body, Status, DateSent, DateCreated, NumSegments, Price, Name, AreaCode, "
                        + "StatusCallback, Redacted, MediaUrl")
                .extracting(e -> ((FilterSyntaxException) e).column()).isEqualTo(21);
    }

    static Stream<Arguments> malformedClauses() {
        return Stream.of(
                Arguments.of("Status =", "filterClause: expected a value after '=' at column 9 but found end of input"),
                Arguments.of("DateSent=", "filterClause: expected a value after '=' at column 10 but found end of input"),
                Arguments.of("Status = 'delivered",
                        "filterClause: expected ' to close the string that starts at column 10 but found end of input"),
                Arguments.of("Body = \"hi",
                        "filterClause: expected \" to close the string that starts at column 8 but found end of input"),
                Arguments.of("(Status = 'a'",
                        "filterClause: expected AND, OR or ')' (closing the '(' at column 1) at column 14 but found end of input"),
                Arguments.of("Status = 'a')",
                        "filterClause: expected AND, OR or end of input (this ')' has no matching '(') at column 13 but found ')'"),
                Arguments.of("Status 'a'", "filterClause: expected an operator (=, !=, <>, <, <=, >, >=, LIKE, NOT LIKE, IN, NOT IN, "
                        + "IS NULL, IS NOT NULL) after 'Status' at column 8 but found string 'a'"),
                Arguments.of("Status = delivered",
                        "filterClause: expected a value after '=' at column 10 but found 'delivered' (quote text values: 'delivered')"),
                Arguments.of("Status = 'a' AND", "filterClause: expected a field name, NOT or '(' at column 17 but found end of input"),
                Arguments.of("Status = 'a' AND OR To = 'b'", "filterClause: expected a field name, NOT or '(' at column 18 but found OR"),
                Arguments.of("Status = 'a' To = 'b'", "filterClause: expected AND, OR or end of input at column 14 but found 'To'"),
                Arguments.of("= 'a'", "filterClause: expected a field name, NOT or '(' at column 1 but found '='"),
                Arguments.of("'a' = Status", "filterClause: expected a field name, NOT or '(' at column 1 but found string 'a'"),
                Arguments.of("To IN ()", "filterClause: expected a value in the IN list at column 8 but found ')'"),
                Arguments.of("To IN ('a' 'b')", "filterClause: expected ',' or ')' in the IN list at column 12 but found string 'b'"),
                Arguments.of("To IN ('a',)", "filterClause: expected a value after ',' at column 12 but found ')'"),
                Arguments.of("To IN 'a'", "filterClause: expected '(' after IN at column 7 but found string 'a'"),
                Arguments.of("Body IS 'x'", "filterClause: expected NULL or NOT NULL after IS at column 9 but found string 'x'"),
                Arguments.of("Body IS NOT 5", "filterClause: expected NULL after IS NOT at column 13 but found number 5"),
                Arguments.of("Body NOT = 'x'", "filterClause: expected LIKE or IN after NOT at column 10 but found '='"),
                Arguments.of("Body LIKE 5", "filterClause: expected a quoted pattern after LIKE at column 11 but found number 5"),
                Arguments.of("Status # 'x'",
                        "filterClause: expected a field, a value, an operator or a parenthesis at column 8 but found '#'"),
                Arguments.of("Status ! 'x'", "filterClause: expected '!=' at column 8 but found '!'"),
                Arguments.of("Status == 'x'", "filterClause: expected a value after '=' at column 9 but found '='"),
                Arguments.of("Status = null", "filterClause: expected a value after '=' at column 10 but found NULL, which never "
                        + "compares equal to anything; write Status IS NULL or Status IS NOT NULL"),
                Arguments.of("NOT", "filterClause: expected a field name, NOT or '(' at column 4 but found end of input"),
                Arguments.of("()", "filterClause: expected a field name, NOT or '(' at column 2 but found ')'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedClauses")
    void malformedClausesSayWhatWasExpectedWhatWasFoundAndWhere(String clause, String message) {
        assertThatThrownBy(() -> FilterParser.parse(clause, MESSAGES))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> illTypedClauses() {
        return Stream.of(
                Arguments.of("DateSent >= 'yesterday'", "filterClause: DateSent is a date-time; expected a date 'YYYY-MM-DD' or a "
                        + "date-time 'YYYY-MM-DDTHH:MM:SSZ' at column 13 but found string 'yesterday'"),
                Arguments.of("DateSent >= '2024-13-01'", "filterClause: DateSent is a date-time; expected a date 'YYYY-MM-DD' or a "
                        + "date-time 'YYYY-MM-DDTHH:MM:SSZ' at column 13 but found string '2024-13-01'"),
                Arguments.of("DateSent = 20240601", "filterClause: DateSent is a date-time; expected a date 'YYYY-MM-DD' or a "
                        + "date-time 'YYYY-MM-DDTHH:MM:SSZ' at column 12 but found number 20240601"),
                Arguments.of("Redacted = 'yes'",
                        "filterClause: Redacted is a boolean; expected true or false at column 12 but found string 'yes'"),
                Arguments.of("Redacted IN (true, 'no')",
                        "filterClause: Redacted is a boolean; expected true or false at column 20 but found string 'no'"),
                Arguments.of("Redacted > false", "filterClause: Redacted is a boolean; expected = or != but found '>' at column 10"),
                Arguments.of("NumSegments LIKE '1%'", "filterClause: LIKE applies to text fields but NumSegments is an integer; "
                        + "expected a comparison such as NumSegments = 10 at column 13 but found LIKE"),
                Arguments.of("DateSent NOT LIKE '2024%'", "filterClause: LIKE applies to text fields but DateSent is a date-time; "
                        + "expected a comparison such as DateSent = '2024-06-01' at column 14 but found LIKE"),
                Arguments.of("NumSegments = 'many'", "filterClause: NumSegments is an integer; expected a number such as 10 or 0.0075 "
                        + "at column 15 but found string 'many'"),
                Arguments.of("Price = true", "filterClause: Price is a number; expected a number such as 10 or 0.0075 "
                        + "at column 9 but found TRUE"),
                Arguments.of("Body LIKE 'a\\'", "filterClause: expected %, _ or \\ after the escape \\ at the end of the LIKE pattern "
                        + "'a\\' at column 11 but found the end of the pattern"),
                Arguments.of("MediaUrl = 'x'", "filterClause: MediaUrl is a list; expected IS NULL or IS NOT NULL, the only tests "
                        + "that apply to it, but found a comparison with string 'x' at column 12"),
                Arguments.of("StatusCallback = 'x'", "filterClause: StatusCallback at column 1 is only sent to Twilio, never returned, "
                        + "so no condition can test it; expected one of the fields Sid, Sender, To, Body, Status, DateSent, "
                        + "DateCreated, NumSegments, Price, Name, AreaCode, Redacted, MediaUrl"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("illTypedClauses")
    void valuesOfTheWrongKindNameTheFieldAndTheExpectedForm(String clause, String message) {
        assertThatThrownBy(() -> FilterParser.parse(clause, MESSAGES))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage(message);
    }

    @Test
    void listFieldsCanBeTestedForNull() {
        assertThat(sql("MediaUrl IS NOT NULL")).isEqualTo("MediaUrl IS NOT NULL");
    }
}
