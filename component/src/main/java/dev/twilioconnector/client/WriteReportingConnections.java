package dev.twilioconnector.client;

import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HttpClient's own connections, which tell {@link WriteListener#written()} when a flush has handed what was written to
 * the operating system: HttpClient flushes once a request's head and body are written, so that is the moment the
 * request left. A flush of anything else (a proxy's CONNECT) is ignored by the listener, which counts only requests
 * it was told are {@link WriteListener#writing()}.
 */
final class WriteReportingConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final AtomicLong ids = new AtomicLong();
    private final WriteListener listener;

    WriteReportingConnections(WriteListener listener) {
        this.listener = listener;
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        DefaultManagedHttpClientConnection connection = new DefaultManagedHttpClientConnection(
                "twilio-connector-" + ids.incrementAndGet()) {
            @Override
            public void flush() throws IOException {
                super.flush();
                listener.written();
            }
        };
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }
}
