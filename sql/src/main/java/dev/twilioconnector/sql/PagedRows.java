package dev.twilioconnector.sql;

import dev.twilioconnector.catalog.Entity;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rows of one List, read a page at a time: the next page is requested only when the rows of the one before
 * are used up, so a {@code LIMIT} (which stops pulling) or a cancelled statement reads no page it does not need.
 */
final class PagedRows extends AbstractEnumerable<Object[]> {

    private final Entity entity;
    private final String clause;
    private final List<Column> columns;
    private final ListPages pages;
    private final AtomicBoolean cancelled;

    PagedRows(Entity entity, String clause, List<Column> columns, ListPages pages, AtomicBoolean cancelled) {
        this.entity = entity;
        this.clause = clause;
        this.columns = columns;
        this.pages = pages;
        this.cancelled = cancelled == null ? new AtomicBoolean() : cancelled;
    }

    @Override
    public Enumerator<Object[]> enumerator() {
        return new Rows();
    }

    private final class Rows implements Enumerator<Object[]> {

        private Iterator<Map<String, Object>> page = List.<Map<String, Object>>of().iterator();
        private String nextPageToken;
        private boolean started;
        private Object[] current;

        @Override
        public Object[] current() {
            if (current == null) {
                throw new NoSuchElementException();
            }
            return current;
        }

        @Override
        public boolean moveNext() {
            while (!page.hasNext()) {
                if (started && nextPageToken == null || cancelled.get()) {
                    current = null;
                    return false;
                }
                ListPages.Page read = pages.read(entity, clause, nextPageToken);
                started = true;
                nextPageToken = read.nextPageToken();
                page = read.records().iterator();
            }
            current = row(page.next());
            return true;
        }

        private Object[] row(Map<String, Object> record) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = columns.get(i).valueOf(record);
            }
            return row;
        }

        @Override
        public void reset() {
            page = List.<Map<String, Object>>of().iterator();
            nextPageToken = null;
            started = false;
            current = null;
        }

        @Override
        public void close() {
            page = List.<Map<String, Object>>of().iterator();
        }
    }
}
