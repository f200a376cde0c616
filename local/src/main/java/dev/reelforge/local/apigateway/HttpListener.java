package dev.reelforge.local.apigateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's front end on a loopback port: HTTP/1.1 with keep-alive, one virtual thread per connection. Each
 * request is read by a {@link RequestReader}; a well-formed one is answered by {@link Handler#respond}, one the
 * reader refuses by {@link Handler#refuse}, after which the connection is closed (its framing cannot be trusted).
 * It replaces the JDK's {@code com.sun.net.httpserver}, which answers what it cannot parse itself, with an HTML
 * page naming a Java exception, before any handler sees the request.
 */
final class HttpListener implements AutoCloseable {

    /** How long a request may take to arrive once it has begun. */
    static final int READ_TIMEOUT_MILLIS = 30_000;

    /** How long a kept-alive connection may wait for its next request. */
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;

    /** What the gateway does with requests. */
    interface Handler {

        HttpResponse respond(HttpRequest request);

        HttpResponse refuse(RequestRefusal refusal);
    }

    private final ServerSocket server;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile Handler handler;
    private volatile boolean closed;

    private HttpListener(ServerSocket server) {
        this.server = server;
    }

    /** A listener bound to the port (0 for any free one), accepting nothing until {@link #serve}. */
    static HttpListener bind(InetAddress address, int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), 128);
            return new HttpListener(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    void serve(Handler requestHandler) {
        this.handler = requestHandler;
        Thread.ofPlatform().daemon().name("api-gateway-" + server.getLocalPort()).start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(HttpListener::closeQuietly);
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual().name("api-gateway-connection").start(() -> {
                try {
                    serve(socket);
                } finally {
                    connections.remove(socket);
                    closeQuietly(socket);
                }
            });
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            RequestReader reader = new RequestReader(in);
            String sourceIp = socket.getInetAddress().getHostAddress();
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                in.mark(1);
                if (in.read() == -1) {
                    return;
                }
                in.reset();
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
                try {
                    keepAlive = exchange(reader, out, sourceIp);
                } catch (RequestRefusal refusal) {
                    write(out, handler.refuse(refusal), false, false);
                    lingerAndClose(socket, in);
                    return;
                } catch (SocketTimeoutException e) {
                    write(out, handler.refuse(RequestRefusal.malformed("the request did not arrive in full within "
                            + READ_TIMEOUT_MILLIS / 1000 + " seconds")), false, false);
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            // idle keep-alive connection: closed without a word, as servers do
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads, answers and writes one request; whether the connection stays open for another. */
    private boolean exchange(RequestReader reader, OutputStream out, String sourceIp)
            throws IOException, RequestRefusal {
        Optional<RequestReader.Head> read = reader.head();
        if (read.isEmpty()) {
            return false;
        }
        RequestReader.Head head = read.get();
        if (head.expectsContinue() && head.hasBody()) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = head.hasBody() ? reader.body(head) : new byte[0];
        HttpRequest request = new HttpRequest(head.method(), head.target(), head.path(), head.headers(),
                head.query(), body.length == 0 ? null : body, sourceIp);
        HttpResponse response = handler.respond(request);
        write(out, response, head.keepAlive(), head.method().equals("HEAD"));
        return head.keepAlive();
    }

    /**
     * Writes a response with its own framing: the handler's Content-Length, Transfer-Encoding and Connection
     * headers are replaced, and a header that could split the response (CR, LF or another control character)
     * is a fault of the handler, not sent.
     */
    private static void write(OutputStream out, HttpResponse response, boolean keepAlive, boolean head)
            throws IOException {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reasonPhrase(response.status())).append("\r\n");
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("transfer-encoding") || name.equals("connection")) {
                continue;
            }
            for (String value : header.getValue()) {
                if (header.getKey().isEmpty() || !RequestReader.isToken(header.getKey()) || !isFieldValue(value)) {
                    throw new IllegalStateException("a response header would split the response");
                }
                text.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        boolean bodyAllowed = response.status() != 204 && response.status() != 304;
        if (bodyAllowed) {
            text.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        text.append(keepAlive ? "" : "Connection: close\r\n").append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        if (bodyAllowed && !head) {
            out.write(response.body());
        }
        out.flush();
    }

    private static boolean isFieldValue(String value) {
        return value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }

    /**
     * After a refusal the client may still be sending: reading what is already on its way before closing keeps
     * the kernel from resetting the connection and losing the answer.
     */
    private static void lingerAndClose(Socket socket, InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(1_000);
            byte[] discard = new byte[8_192];
            long drained = 0;
            for (int n = in.read(discard); n != -1 && drained < RequestReader.MAX_PAYLOAD_BYTES; n = in.read(discard)) {
                drained += n;
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
