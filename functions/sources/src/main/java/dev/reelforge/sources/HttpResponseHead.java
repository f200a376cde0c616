package dev.reelforge.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The status line and header fields of an HTTP/1.1 response, and how its body is framed. */
record HttpResponseHead(int status, Map<String, List<String>> fields) {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEAD = 64 * 1024;

    private static final int MAX_INTERIM_RESPONSES = 8;

    /** Reads the final response head, skipping interim (1xx) responses such as 103 Early Hints. */
    static HttpResponseHead read(InputStream in) throws IOException {
        for (int interim = 0; interim <= MAX_INTERIM_RESPONSES; interim++) {
            HttpResponseHead head = readOne(in);
            if (head.status() == 101) {
                throw new MalformedResponseException("switching protocols was not asked for");
            }
            if (head.status() >= 200) {
                return head;
            }
        }
        // Without a bound, a server could keep the fetch busy with interim answers forever.
        throw new MalformedResponseException("too many interim responses");
    }

    private static HttpResponseHead readOne(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD};
        String statusLine = line(in, budget);
        if (statusLine == null) {
            throw new MalformedResponseException("the connection closed without a response");
        }
        if (!statusLine.matches("HTTP/1\\.[01] [1-9][0-9][0-9]( .*)?")) {
            throw new MalformedResponseException("not an HTTP/1.1 status line");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        while (true) {
            String line = line(in, budget);
            if (line == null) {
                throw new MalformedResponseException("the connection closed inside the response head");
            }
            if (line.isEmpty()) {
                return new HttpResponseHead(status, fields);
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
                    || Character.isWhitespace(line.charAt(colon - 1))) {
                throw new MalformedResponseException("not a header field line");
            }
            fields.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
    }

    /** One line without its CR LF (a bare LF is accepted too), or null at the end of the stream. */
    static String line(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            if (--budget[0] < 0 || bytes.size() >= MAX_LINE) {
                throw new MalformedResponseException("a line of the response is too long");
            }
            if (next == '\n') {
                byte[] line = bytes.toByteArray();
                int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            bytes.write(next);
        }
    }

    boolean successful() {
        return status >= 200 && status <= 299;
    }

    boolean redirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    Optional<String> field(String name) {
        List<String> values = fields.get(name);
        return values == null ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** The declared length of the body, if it is framed by one. */
    OptionalLong contentLength() throws MalformedResponseException {
        if (!hasBody() || chunked()) {
            return OptionalLong.empty();
        }
        Optional<String> declared = field("content-length");
        if (declared.isEmpty()) {
            return OptionalLong.empty();
        }
        long length = -1;
        for (String value : declared.get().split(",")) {
            String digits = value.strip();
            if (!digits.matches("[0-9]{1,18}")) {
                throw new MalformedResponseException("invalid Content-Length");
            }
            long parsed = Long.parseLong(digits);
            if (length >= 0 && parsed != length) {
                throw new MalformedResponseException("conflicting Content-Length values");
            }
            length = parsed;
        }
        return OptionalLong.of(length);
    }

    /** The body as sent, de-chunked and ending where its framing says it ends. */
    InputStream body(InputStream in) throws MalformedResponseException {
        if (!hasBody()) {
            return InputStream.nullInputStream();
        }
        if (chunked()) {
            return new ChunkedBodyInputStream(in);
        }
        OptionalLong length = contentLength();
        return length.isPresent() ? new FixedLengthBodyInputStream(in, length.getAsLong()) : in;
    }

    private boolean hasBody() {
        return status != 204 && status != 304;
    }

    private boolean chunked() throws MalformedResponseException {
        Optional<String> codings = field("transfer-encoding");
        if (codings.isEmpty()) {
            return false;
        }
        if (codings.get().strip().equalsIgnoreCase("chunked")) {
            return true;
        }
        throw new MalformedResponseException("unsupported Transfer-Encoding: " + codings.get());
    }
}
