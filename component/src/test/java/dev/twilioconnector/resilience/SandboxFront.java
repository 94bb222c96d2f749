package dev.twilioconnector.resilience;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A front for the sandbox on a port of its own, passing every connection on to it: as plain TCP, or ending TLS
 * first, with a certificate the client does not trust for the first connections and one it trusts after. So a
 * test can make a connection fail before any byte of the request reaches the sandbox, and then succeed.
 */
final class SandboxFront implements AutoCloseable {

    private final ServerSocket server;
    private final int sandboxPort;
    private final SSLContext untrusted;
    private final int untrustedConnections;
    private final SSLContext trusted;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private SandboxFront(int port, int sandboxPort, SSLContext untrusted, int untrustedConnections, SSLContext trusted)
            throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.sandboxPort = sandboxPort;
        this.untrusted = untrusted;
        this.untrustedConnections = untrustedConnections;
        this.trusted = trusted;
        daemon(this::accept);
    }

    /** Passes plain TCP on from {@code port} to the sandbox. */
    static SandboxFront plain(int port, int sandboxPort) throws IOException {
        return new SandboxFront(port, sandboxPort, null, 0, null);
    }

    /** Ends TLS on an ephemeral port, the first {@code untrustedConnections} with {@code untrusted}'s certificate. */
    static SandboxFront tls(int sandboxPort, SSLContext untrusted, int untrustedConnections, SSLContext trusted)
            throws IOException {
        return new SandboxFront(0, sandboxPort, untrusted, untrustedConnections, trusted);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far, failed ones included. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                int number = connections.incrementAndGet();
                daemon(() -> pass(client, number));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pass(Socket client, int number) {
        try {
            Socket front = client;
            if (trusted != null) {
                SSLContext tls = number <= untrustedConnections ? untrusted : trusted;
                SSLSocket ended = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), true);
                ended.setUseClientMode(false);
                ended.startHandshake();
                front = ended;
            }
            Socket sandbox = new Socket(InetAddress.getLoopbackAddress(), sandboxPort);
            sockets.add(sandbox);
            Socket from = front;
            daemon(() -> copy(from, sandbox));
            copy(sandbox, from);
        } catch (IOException failed) {
            close(client);
        }
    }

    private void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // either side went away: so does the other
        } finally {
            close(from);
            close(to);
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "sandbox-front");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is left to do with it
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sockets.forEach(SandboxFront::close);
    }
}
