package dev.twilioconnector.action;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Map;

/**
 * The rows of a query, in its order, each by column label. Pages of the entities are read only as rows are pulled;
 * {@link #close()} stops reading and releases the query.
 */
public interface QueryRows extends Iterator<Map<String, Object>>, Closeable {

    @Override
    void close();
}
