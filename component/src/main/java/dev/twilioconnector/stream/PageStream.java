package dev.twilioconnector.stream;

import dev.twilioconnector.operation.ConnectorRequest;
import dev.twilioconnector.operation.ConnectorResult;
import dev.twilioconnector.operation.OperationRunner;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The records of a List, read page by page as they are consumed: while the records of one page are handed out,
 * the next page is already being fetched on {@code executor}. At most two pages are held, whatever the List's size.
 * A failed page surfaces as the exception of {@link #next()}, after every record before it: {@link #hasNext()}
 * answers true for it, since a splitter asks whether there is more before it processes the record in hand, and
 * would otherwise lose the last record of the page before the failure. {@link #close()} stops reading.
 */
public final class PageStream implements Iterator<Map<String, Object>>, Closeable {

    private final OperationRunner runner;
    private final ConnectorRequest first;
    private final Executor executor;
    private Iterator<Map<String, Object>> page = List.<Map<String, Object>>of().iterator();
    private CompletableFuture<ConnectorResult> nextPage;
    private RuntimeException failedPage;
    private volatile boolean closed;

    /** Reads the first page now, so that bad input fails in the producer, before any record is consumed. */
    public PageStream(OperationRunner runner, ConnectorRequest first, Executor executor) {
        this.runner = runner;
        this.first = first;
        this.executor = executor;
        accept(runner.run(first));
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && failedPage == null) {
            if (nextPage == null || closed) {
                return false;
            }
            try {
                accept(await(nextPage));
            } catch (RuntimeException e) {
                failedPage = e;
                nextPage = null;
            }
        }
        return true;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records");
        }
        if (failedPage != null) {
            RuntimeException failure = failedPage;
            failedPage = null;
            throw failure;
        }
        return page.next();
    }

    @Override
    public void close() {
        closed = true;
        if (nextPage != null) {
            nextPage.cancel(false);
            nextPage = null;
        }
    }

    @SuppressWarnings("unchecked")
    private void accept(ConnectorResult result) {
        page = ((List<Map<String, Object>>) result.body()).iterator();
        String token = result.nextPageToken();
        nextPage = token == null || closed ? null : CompletableFuture.supplyAsync(() -> runner.run(following(token)), executor);
    }

    private ConnectorRequest following(String token) {
        return new ConnectorRequest(first.entity(), first.operation(), first.entityId(), first.filterClause(),
                first.pageSize(), token, null, first.payload());
    }

    private static ConnectorResult await(CompletableFuture<ConnectorResult> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("the List was closed while a page was read", e);
        }
    }
}
