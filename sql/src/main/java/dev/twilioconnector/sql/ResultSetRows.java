package dev.twilioconnector.sql;

import dev.twilioconnector.action.QueryRows;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of a running query, each as a Map by column label, with times as the connector's records carry them:
 * ISO-8601 text ({@code 2024-06-01T10:00:00Z}, {@code 2024-06-01}). A row is fetched ahead, so that a failure while
 * reading the next page surfaces from {@link #next()} after every row before it, never from {@link #hasNext()}, which
 * a splitter calls before it processes the row in hand. The query's connection closes after the last row, or when
 * the rows are closed before it.
 */
final class ResultSetRows implements QueryRows {

    private final Connection connection;
    private final ResultSet results;
    private final String[] labels;
    private Map<String, Object> ahead;
    private RuntimeException failed;
    private boolean done;

    ResultSetRows(Connection connection, ResultSet results) throws SQLException {
        this.connection = connection;
        this.results = results;
        ResultSetMetaData columns = results.getMetaData();
        this.labels = new String[columns.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = columns.getColumnLabel(i + 1);
        }
    }

    @Override
    public boolean hasNext() {
        if (ahead == null && failed == null && !done) {
            try {
                if (results.next()) {
                    ahead = row();
                } else {
                    close();
                }
            } catch (SQLException | RuntimeException e) {
                failed = SqlQueryEngine.unwrapped(e);
            }
        }
        return ahead != null || failed != null;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        if (failed != null) {
            RuntimeException failure = failed;
            failed = null;
            close();
            throw failure;
        }
        Map<String, Object> row = ahead;
        ahead = null;
        return row;
    }

    private Map<String, Object> row() throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            row.put(labels[i], value(results.getObject(i + 1)));
        }
        return row;
    }

    private static Object value(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Time time) {
            return time.toLocalTime().toString();
        }
        return value;
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        ahead = null;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the query's connection: " + e.getMessage(), e);
        }
    }
}
