package dev.twilioconnector.sql;

import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;

import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;

/**
 * Calcite's preparation, refusing every statement but a query before it is planned, so before any request:
 * Twilio is read, never written, through SQL. {@code EXPLAIN PLAN FOR} a query is allowed (it sends nothing).
 */
final class SelectOnlyPrepare extends CalcitePrepareImpl {

    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "VALUES", "EXPLAIN", "(");

    @Override
    public <T> CalcitePrepare.CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType,
                                                             long maxRowCount) {
        if (query.sql != null) {
            requireQuery(query.sql, context.config());
        }
        return super.prepareSql(context, query, elementType, maxRowCount);
    }

    private void requireQuery(String sql, CalciteConnectionConfig config) {
        SqlParser.Config parserConfig = SqlParser.config()
                .withQuotedCasing(config.quotedCasing())
                .withUnquotedCasing(config.unquotedCasing())
                .withQuoting(config.quoting())
                .withConformance(config.conformance())
                .withCaseSensitive(config.caseSensitive())
                .withParserFactory(config.parserFactory(SqlParserImplFactory.class, SqlParserImpl.FACTORY));
        String kind;
        try {
            SqlNode statement = createParser(sql, parserConfig).parseStmt();
            if (statement instanceof SqlExplain explain) {
                statement = explain.getExplicandum();
            }
            if (statement.isA(SqlKind.QUERY)) {
                return;
            }
            kind = statement.getKind().sql;
        } catch (SqlParseException notCalciteSql) {
            // DDL is not in Calcite's core grammar: name the statement by its first word
            String first = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (first.isEmpty() || QUERY_WORDS.contains(first) || first.startsWith("(")) {
                return;
            }
            kind = first;
        }
        throw new UnsupportedOperationException(kind + " statements are not allowed: twilio-connector SQL runs SELECT"
                + " queries only (and EXPLAIN PLAN FOR a query); nothing was sent to Twilio");
    }
}
