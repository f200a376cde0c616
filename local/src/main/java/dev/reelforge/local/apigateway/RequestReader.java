package dev.reelforge.local.apigateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads HTTP/1.1 requests from one connection the way a strict front end does (RFC 9112), in one pass over the
 * bytes and within fixed bounds: request line and headers at most {@link #MAX_HEAD_BYTES} (API Gateway's quota
 * for them), a body at most {@link #MAX_PAYLOAD_BYTES}, refused before it is read when its length says so.
 * Anything else is a {@link RequestRefusal} naming what is wrong: no obsolete forms (line folding, bare LF or
 * CR, whitespace before a colon), no control characters, origin-form targets with valid percent-encoding that
 * decode to UTF-8, one Host, one Content-Length or else {@code Transfer-Encoding: chunked}, never both.
 */
final class RequestReader {

    /** API Gateway's limit on a request payload. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    /** API Gateway's limit on the request line and headers together. */
    static final int MAX_HEAD_BYTES = 10_240;

    private static final int MAX_CHUNK_LINE_BYTES = 1_024;
    private static final int MAX_CHUNK_SIZE_DIGITS = 8;

    /** The head of a request, read and checked; the body follows on the stream. */
    record Head(String method, String target, String path, Map<String, List<String>> headers,
            Map<String, List<String>> query, boolean keepAlive, boolean expectsContinue, long contentLength,
            boolean chunked) {

        boolean hasBody() {
            return chunked || contentLength > 0;
        }
    }

    private final InputStream in;

    /** @param in the connection's input, buffered */
    RequestReader(InputStream in) {
        this.in = in;
    }

    /** The next request's head, or empty when the client closed the connection before sending one. */
    Optional<Head> head() throws IOException, RequestRefusal {
        Budget budget = new Budget(MAX_HEAD_BYTES, "the request",
                "the request line and headers must be at most " + MAX_HEAD_BYTES + " bytes",
                "the request ends before its headers do");
        String requestLine;
        do { // RFC 9112 2.2: empty lines before a request line are ignored
            requestLine = line(budget, true);
            if (requestLine == null) {
                return Optional.empty();
            }
        } while (requestLine.isEmpty());
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3) {
            throw RequestRefusal.malformed("the request line must be a method, a path and HTTP/1.1, separated by "
                    + "single spaces");
        }
        String method = parts[0];
        if (method.isEmpty() || !isToken(method)) {
            throw RequestRefusal.malformed("the request method must be a token such as GET or POST");
        }
        String target = parts[1];
        boolean http10 = switch (parts[2]) {
            case "HTTP/1.1" -> false;
            case "HTTP/1.0" -> true;
            default -> throw RequestRefusal.malformed("the request line must end with HTTP/1.1");
        };
        checkTarget(target);
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String path = percentDecode(rawPath, false, "the path");
        Map<String, List<String>> query = question < 0 ? Map.of() : query(target.substring(question + 1));
        try {
            return Optional.of(headers(method, target, path, query, http10, budget));
        } catch (RequestRefusal refusal) {
            throw refusal.of(method, path);
        }
    }

    private Head headers(String method, String target, String path, Map<String, List<String>> query, boolean http10,
            Budget budget) throws IOException, RequestRefusal {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> spellings = new LinkedHashMap<>();
        for (String line = header(budget, "header"); !line.isEmpty(); line = header(budget, "header")) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            String spelling = spellings.computeIfAbsent(name.toLowerCase(Locale.ROOT), lower -> name);
            headers.computeIfAbsent(spelling, key -> new ArrayList<>()).add(value);
        }
        List<String> hosts = values(headers, "Host");
        if (hosts.size() > 1 || (hosts.isEmpty() && !http10)) {
            throw RequestRefusal.malformed("the Host header is required, once");
        }
        List<String> lengths = values(headers, "Content-Length");
        List<String> encodings = values(headers, "Transfer-Encoding");
        if (!lengths.isEmpty() && !encodings.isEmpty()) {
            throw RequestRefusal.malformed("a request must not have both Content-Length and Transfer-Encoding");
        }
        long contentLength = 0;
        if (!lengths.isEmpty()) {
            String length = lengths.getFirst();
            if (lengths.size() > 1 || length.isEmpty() || length.length() > 18
                    || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw RequestRefusal.malformed("the Content-Length header must be one decimal number");
            }
            contentLength = Long.parseLong(length);
        }
        boolean chunked = false;
        if (!encodings.isEmpty()) {
            if (encodings.size() > 1 || !encodings.getFirst().equalsIgnoreCase("chunked")) {
                throw RequestRefusal.malformed("the Transfer-Encoding header may only be chunked");
            }
            chunked = true;
        }
        if (contentLength > MAX_PAYLOAD_BYTES) {
            throw new RequestRefusal(GatewayResponseType.REQUEST_TOO_LARGE,
                    "the body must be at most " + MAX_PAYLOAD_BYTES + " bytes");
        }
        List<String> connection = tokens(values(headers, "Connection"));
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        boolean expectsContinue = !http10 && tokens(values(headers, "Expect")).contains("100-continue");
        return new Head(method, target, path, headers, query, keepAlive, expectsContinue, contentLength, chunked);
    }

    /** The body the head announces, whole, or a refusal when it is cut short, malformed or too large. */
    byte[] body(Head head) throws IOException, RequestRefusal {
        try {
            return head.chunked() ? chunkedBody() : fixedBody(head.contentLength());
        } catch (RequestRefusal refusal) {
            throw refusal.of(head.method(), head.path());
        }
    }

    private byte[] fixedBody(long length) throws IOException, RequestRefusal {
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw RequestRefusal.malformed("the body ends before the length its Content-Length header gives");
        }
        return body;
    }

    private byte[] chunkedBody() throws IOException, RequestRefusal {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = chunkLine();
            int extension = sizeLine.indexOf(';');
            String digits = extension < 0 ? sizeLine : sizeLine.substring(0, extension);
            if (sizeLine.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw RequestRefusal.malformed("the chunked body has a control character in a chunk line");
            }
            if (digits.isEmpty() || digits.length() > MAX_CHUNK_SIZE_DIGITS
                    || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw RequestRefusal.malformed("the chunked body has a chunk size that is not a hexadecimal number"
                        + " of at most " + MAX_CHUNK_SIZE_DIGITS + " digits");
            }
            long size = Long.parseLong(digits, 16);
            if (size == 0) {
                break;
            }
            if (body.size() + size > MAX_PAYLOAD_BYTES) {
                throw new RequestRefusal(GatewayResponseType.REQUEST_TOO_LARGE,
                        "the body must be at most " + MAX_PAYLOAD_BYTES + " bytes");
            }
            byte[] chunk = in.readNBytes((int) size);
            body.writeBytes(chunk);
            if (chunk.length < size) {
                throw RequestRefusal.malformed("the chunked body ends before its last chunk");
            }
            if (!chunkLine().isEmpty()) {
                throw RequestRefusal.malformed("the chunked body has a chunk longer than its size says");
            }
        }
        Budget trailers = new Budget(MAX_HEAD_BYTES, "the chunked body",
                "the chunked body's trailers must be at most " + MAX_HEAD_BYTES + " bytes",
                "the chunked body ends before its trailers do");
        while (!header(trailers, "chunked body's trailer").isEmpty()) {
            // trailers are read and checked, never passed on (API Gateway passes none)
        }
        return body.toByteArray();
    }

    private String chunkLine() throws IOException, RequestRefusal {
        return line(new Budget(MAX_CHUNK_LINE_BYTES, "the chunked body",
                "the chunked body has a chunk line longer than " + MAX_CHUNK_LINE_BYTES + " bytes",
                "the chunked body ends before its last chunk"), false);
    }

    /** A header (or trailer) line, checked: empty at the end of the block. */
    private String header(Budget budget, String what) throws IOException, RequestRefusal {
        String line = line(budget, false);
        if (line.isEmpty()) {
            return line;
        }
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw RequestRefusal.malformed("a " + what + " line begins with whitespace (obsolete line folding)");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.substring(0, colon))) {
            throw RequestRefusal.malformed("a " + what + " line must be a name, a colon and a value; the name "
                    + "a token without spaces");
        }
        String value = line.substring(colon + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw RequestRefusal.malformed("the " + what + " " + nameToShow(line.substring(0, colon))
                        + " has a control character in its value");
            }
        }
        return line;
    }

    /**
     * One line ending in CRLF, as ISO-8859-1 text without the CRLF; null when the stream ends before its first byte
     * and {@code endAllowed}. A CR or LF anywhere else is refused.
     */
    private String line(Budget budget, boolean endAllowed) throws IOException, RequestRefusal {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (line.isEmpty() && endAllowed) {
                    return null;
                }
                throw RequestRefusal.malformed(budget.cutShort);
            }
            budget.spend();
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw RequestRefusal.malformed(budget.part + " has a carriage return that does not end a line");
                }
                budget.spend();
                return line.toString();
            }
            if (b == '\n') {
                throw RequestRefusal.malformed(budget.part + " has a line that ends with a bare line feed, not CRLF");
            }
            line.append((char) b);
        }
    }

    private static void checkTarget(String target) throws RequestRefusal {
        if (!target.startsWith("/")) {
            throw RequestRefusal.malformed("the request target must be a path beginning with /");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    throw RequestRefusal.malformed("the request target has a % that is not followed by two "
                            + "hexadecimal digits");
                }
            } else if (!isUriCharacter(c)) {
                throw RequestRefusal.malformed("the request target has a character that must be percent-encoded");
            }
        }
    }

    /** RFC 3986's pchar, "/" and "?" (percent-encoding is checked apart). */
    private static boolean isUriCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    /** Query parameters as API Gateway lists them, each name and value percent-decoded ("+" is a space). */
    private static Map<String, List<String>> query(String rawQuery) throws RequestRefusal {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals), true, "the query string");
            String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1), true, "the query string");
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** Decodes percent-escapes (already checked to be well-formed) into UTF-8, refusing bytes that are not. */
    private static String percentDecode(String text, boolean plusIsSpace, String what) throws RequestRefusal {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes.put((byte) Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put((byte) (plusIsSpace && c == '+' ? ' ' : c));
            }
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip());
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw RequestRefusal.malformed(what + " is not UTF-8 once percent-decoded");
        }
    }

    /** Whether the text is made of RFC 9110's tchar only. */
    static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    /** A header name is a token, so it cannot break out of a JSON string; a long one is not worth repeating. */
    private static String nameToShow(String name) {
        return name.length() <= 64 ? name : "(a long name)";
    }

    private static List<String> values(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .toList();
    }

    /** The comma-separated tokens of a header's values, lower-cased. */
    private static List<String> tokens(List<String> values) {
        return values.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** How many more bytes a part of the request may take, and what to say when it takes more or is cut short. */
    private static final class Budget {

        private final String part;
        private final String exceeded;
        private final String cutShort;
        private int remaining;

        Budget(int bytes, String part, String exceeded, String cutShort) {
            this.remaining = bytes;
            this.part = part;
            this.exceeded = exceeded;
            this.cutShort = cutShort;
        }

        void spend() throws RequestRefusal {
            if (--remaining < 0) {
                throw RequestRefusal.malformed(exceeded);
            }
        }
    }
}
