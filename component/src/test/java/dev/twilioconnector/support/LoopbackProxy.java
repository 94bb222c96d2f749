package dev.twilioconnector.support;

import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP forward proxy on loopback for tests: forwards absolute-URI requests, opens CONNECT tunnels, and
 * asks for credentials with Basic or Digest (RFC 7616, MD5, qop=auth) or none. It records what it saw.
 */
public final class LoopbackProxy implements AutoCloseable {

    /** What the proxy asks of its clients. */
    public enum Auth { NONE, BASIC, DIGEST }

    /** One request the proxy took: CONNECT or the method of a forwarded request, its target, and whether it was let through. */
    public record Seen(String method, String target, boolean authorized) {
    }

    private static final String REALM = "loopback-proxy";
    private static final Pattern DIGEST_PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private final Auth auth;
    private final String user;
    private final String password;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final String nonce = HexFormat.of().formatHex(Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));

    private LoopbackProxy(Auth auth, String user, String password, ServerSocketFactory sockets) throws IOException {
        this.auth = auth;
        this.user = user;
        this.password = password;
        this.server = sockets.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public static LoopbackProxy start(Auth auth, String user, String password) {
        return start(auth, user, password, ServerSocketFactory.getDefault());
    }

    /** A proxy that speaks TLS to its clients (an {@code https://} proxy) with the key of {@code tls}. */
    public static LoopbackProxy startTls(Auth auth, String user, String password, SSLContext tls) {
        return start(auth, user, password, tls.getServerSocketFactory());
    }

    private static LoopbackProxy start(Auth auth, String user, String password, ServerSocketFactory sockets) {
        try {
            return new LoopbackProxy(auth, user, password, sockets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                Map<String, String> headers = headers(head);
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                boolean authorized = authorized(requestLine[0], requestLine[1], headers.get("proxy-authorization"));
                seen.add(new Seen(requestLine[0], requestLine[1], authorized));
                if (!authorized) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: " + challenge()
                            + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                if ("CONNECT".equals(requestLine[0])) {
                    tunnel(requestLine[1], in, out);
                } else {
                    forward(requestLine, head, body, out);
                }
                return;
            }
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        }
    }

    private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        String[] hostPort = authority.split(":");
        try (Socket target = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            OutputStream toTarget = target.getOutputStream();
            var upstream = threads.submit(() -> copy(in, toTarget));
            copy(target.getInputStream(), out);
            upstream.cancel(true);
        }
    }

    /** Sends the request on with a relative target and asks both sides to close after it, so one connection is one request. */
    private void forward(String[] requestLine, List<String> head, byte[] body, OutputStream out) throws IOException {
        URI uri = URI.create(requestLine[1]);
        try (Socket target = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder request = new StringBuilder(requestLine[0]).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                if (!name.equals("proxy-authorization") && !name.equals("connection") && !name.startsWith("proxy-")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream upstream = target.getOutputStream();
            upstream.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.write(body);
            upstream.flush();
            InputStream answer = target.getInputStream();
            out.write(readLine(answer).getBytes(StandardCharsets.ISO_8859_1));
            out.write("\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
            answer.transferTo(out);
            out.flush();
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        try {
            from.transferTo(to);
            to.flush();
        } catch (IOException closed) {
            // one side closed the tunnel
        }
    }

    private String challenge() {
        return switch (auth) {
            case BASIC -> "Basic realm=\"" + REALM + "\"";
            case DIGEST -> "Digest realm=\"" + REALM + "\", qop=\"auth\", algorithm=MD5, nonce=\"" + nonce + "\"";
            case NONE -> throw new IllegalStateException("no challenge without auth");
        };
    }

    private boolean authorized(String method, String target, String header) {
        if (auth == Auth.NONE) {
            return true;
        }
        if (header == null) {
            return false;
        }
        if (auth == Auth.BASIC) {
            String expected = Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
            return header.equals("Basic " + expected);
        }
        if (!header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = DIGEST_PARAM.matcher(header.substring("Digest ".length()));
        while (matcher.find()) {
            params.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        String ha1 = md5(user + ':' + REALM + ':' + password);
        String ha2 = md5(method + ':' + params.get("uri"));
        String expected = md5(ha1 + ':' + nonce + ':' + params.get("nc") + ':' + params.get("cnonce") + ':'
                + params.get("qop") + ':' + ha2);
        return user.equals(params.get("username")) && nonce.equals(params.get("nonce")) && expected.equals(params.get("response"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return line == null ? List.of() : lines;
            }
            lines.add(line);
        }
    }

    private static Map<String, String> headers(List<String> head) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** One CRLF-terminated line without its terminator; null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
