package dev.twilioconnector.sql;

import dev.twilioconnector.action.QueryEngine;
import dev.twilioconnector.action.QueryRows;
import dev.twilioconnector.error.ConnectorException;
import dev.twilioconnector.error.TwilioConnectorInputException;
import dev.twilioconnector.headers.TwilioConnectorConstants;
import dev.twilioconnector.operation.OperationRunner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The engine of action {@code ExecuteCustomQuery}, found by {@link java.util.ServiceLoader}: each query runs on a
 * Calcite connection of its own whose tables read their pages with the endpoint's runner, so the query's Lists go
 * through the endpoint's connection like its other requests. The statement is prepared, and its parameters counted,
 * before it runs, so a query that is not a SELECT, does not parse, names what is not there or is given the wrong
 * number of parameters fails before any request.
 */
public final class SqlQueryEngine implements QueryEngine {

    private static final TwilioDriver DRIVER = new TwilioDriver();
    private static final ConnectionSettings CALCITE_ONLY = calciteOnly();

    @Override
    public QueryRows run(OperationRunner runner, String sql, List<?> parameters, long maxRows) {
        Connection connection = connect(runner);
        try {
            PreparedStatement statement = prepare(connection, sql);
            bind(statement, parameters);
            if (maxRows > 0) {
                statement.setLargeMaxRows(maxRows);
            }
            return new ResultSetRows(connection, statement.executeQuery());
        } catch (SQLException | RuntimeException failed) {
            close(connection, failed);
            throw unwrapped(failed);
        }
    }

    private static Connection connect(OperationRunner runner) {
        try {
            return DRIVER.open(new RunnerListPages(runner), CALCITE_ONLY, () -> { });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a Calcite connection for the query: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql) {
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException refused) {
            throw new TwilioConnectorInputException(problem(refused));
        }
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        int expected = statement.getParameterMetaData().getParameterCount();
        if (expected != parameters.size()) {
            throw new TwilioConnectorInputException("The query takes " + expected + " parameter(s) (?), but header "
                    + TwilioConnectorConstants.QUERY_PARAMETERS + " gives " + parameters.size() + ": " + parameters
                    + "; nothing was sent to Twilio");
        }
        Object[] values = QueryParameters.convert(parameters, statement.getParameterMetaData());
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    /** What Calcite found wrong with the query, in its own words, without the list of every token it expected. */
    private static String problem(SQLException refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnsupportedOperationException notSelect) {
                return notSelect.getMessage();
            }
            if (cause instanceof SqlParseException || cause instanceof CalciteContextException) {
                return "The query is not valid SQL over the entities: " + cause.getMessage().lines().findFirst().orElse("")
                        + "; nothing was sent to Twilio";
            }
        }
        return "The query cannot be prepared: " + refused.getMessage() + "; nothing was sent to Twilio";
    }

    /** The connector's own exception when one is the cause, as the List producer would raise it. */
    static RuntimeException unwrapped(Exception failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorException connector) {
                return connector;
            }
        }
        return failed instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("The query failed: " + failed.getMessage(), failed);
    }

    private static void close(Connection connection, Exception failed) {
        try {
            connection.close();
        } catch (SQLException alsoFailed) {
            failed.addSuppressed(alsoFailed);
        }
    }

    private static ConnectionSettings calciteOnly() {
        try {
            return ConnectionSettings.of(new Properties());
        } catch (SQLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
