package dev.twilioconnector.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Twilio stand-in that answers every request at once, run in a JVM of its own so that the clients' CPU can be
 * told from the server's: a Messages Get gets a message, a Create the message created, a List a page of
 * {@link CannedTwilioResponses#PAGE_SIZE} messages in Twilio's paging envelope. One blocking thread per connection,
 * keep-alive, and each response written in one write with TCP_NODELAY: the JDK's {@code HttpServer} writes the
 * head and the body apart, and the client's delayed ACK then costs 40 ms per keep-alive request.
 *
 * <p>Started by {@link LoopbackServerProcess}: it prints {@code port <n>} once listening and exits when its
 * standard input closes, so it never outlives the benchmark.
 */
public final class LoopbackTwilioServer {

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final CannedTwilioResponses responses;

    private LoopbackTwilioServer(CannedTwilioResponses responses) {
        this.responses = responses;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LoopbackTwilioServer <accountSid> <messageSid>");
        }
        LoopbackTwilioServer server = new LoopbackTwilioServer(new CannedTwilioResponses(args[0], args[1]));
        try (ServerSocket listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> server.accept(listener), "loopback-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            System.out.println("port " + listener.getLocalPort());
            System.out.flush();
            // the parent closes our standard input when it is done, or dies
            while (System.in.read() >= 0) {
                // nothing is sent on it
            }
        }
    }

    private void accept(ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread connection = new Thread(() -> serve(socket), "loopback-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            String head;
            while ((head = readHead(in)) != null) {
                skipBody(in, head);
                out.write(responses.answer(requestLine(head)));
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection: its pool evicted it or the benchmark ended
        }
    }

    /** The request's head up to the blank line, or null at the end of the stream between requests. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        int b;
        while (matched < HEAD_END.length && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == HEAD_END[matched] ? matched + 1 : b == HEAD_END[0] ? 1 : 0;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        if (matched < HEAD_END.length) {
            return null;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String requestLine(String head) {
        return head.substring(0, head.indexOf('\r'));
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        long remaining = 0;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                remaining = Long.parseLong(line.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("chunked request bodies are not read here: " + line);
            }
        }
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the request body ended early");
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }
}
