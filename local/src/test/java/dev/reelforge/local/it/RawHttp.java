package dev.reelforge.local.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes bytes to the API port as they are given, for requests an HTTP client would refuse to send (control
 * characters, bad framing, truncated bodies), and reads back the first response. The request is sent whole,
 * then the socket's output is shut, so a server waiting for more bytes sees the end of the stream.
 */
final class RawHttp {

    /** One response as it arrived: status, headers (names lower-cased, last value kept) and body bytes. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final URI endpoint;

    RawHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    Response send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    Response send(byte[] request) {
        return sendExpecting(request, 1).getFirst();
    }

    /** Sends the bytes (several requests, say) and reads that many responses from the one connection. */
    List<Response> sendExpecting(byte[] requests, int responses) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            List<Response> read = new ArrayList<>();
            for (int i = 0; i < responses; i++) {
                read.add(read(in));
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to " + endpoint + " failed", e);
        }
    }

    /** The request head for {@code method target} with a Host header and the given extra header lines. */
    String head(String method, String target, String... headerLines) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IllegalStateException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        if (status == 100) {
            return read(in);
        }
        byte[] body = headers.containsKey("content-length")
                ? in.readNBytes(Integer.parseInt(headers.get("content-length")))
                : in.readAllBytes();
        return new Response(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
