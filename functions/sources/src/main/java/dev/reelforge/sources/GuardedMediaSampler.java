package dev.reelforge.sources;

import dev.reelforge.core.probe.MediaSampler;
import dev.reelforge.core.url.FetchableUrl;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Samples a media file for a probe over the same guarded connections as {@link GuardedSourceFetcher} (the host
 * resolved once, every address checked, exactly those connected to; same-host redirects only), fetching as little
 * as a probe needs:
 *
 * <ol>
 *   <li>a GET of the first {@link SampleLimits#headBytes()} ({@code Range: bytes=0-…}); a 206 names the source's
 *       whole length, and the head is written at the start of a sparse file of that length, so a demuxer that seeks
 *       (to the end of an MP4's {@code mdat}, to estimate an MP3's duration from its size) finds the file as long as
 *       the source;</li>
 *   <li>when the head is an ISO BMFF file (MP4, MOV, M4A) whose {@code moov} box, its index, lies beyond the head
 *       (an encoder that writes it last), a second ranged GET of the boxes after the head, written where they
 *       belong;</li>
 *   <li>a server that ignores ranges (200) is read up to {@link SampleLimits#maxBytes()}, and the file made as long
 *       as its Content-Length says.</li>
 * </ol>
 *
 * Everything happens before {@link SampleLimits#deadline()}: each read's timeout is the time left, and a source
 * still sending then is refused ("did not arrive within …"). A refusal is a reason fit for the user.
 */
public final class GuardedMediaSampler implements MediaSampler {

    private static final int RESPONSE_BUFFER = 64 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("^bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)$");

    private final SampleLimits limits;
    private final GuardedConnector connector;

    public GuardedMediaSampler(SampleLimits limits) {
        this(limits, GuardedConnector.defaultTls());
    }

    /** For a deployment (or a test) that trusts certificates other than the JDK's default ones. */
    public GuardedMediaSampler(SampleLimits limits, SSLContext tls) {
        this.limits = limits;
        this.connector = new GuardedConnector(limits.allowLoopback(), tls, "fetched");
    }

    @Override
    public SampleResult sample(FetchableUrl url, Path target) {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        try {
            return sample(url.uri(), target, deadline);
        } catch (SourceRefusal refusal) {
            deleteQuietly(target);
            return new SampleResult.Refused(refusal.reason());
        } catch (MalformedResponseException e) {
            deleteQuietly(target);
            return new SampleResult.Refused("the server sent a malformed response");
        } catch (IOException e) {
            deleteQuietly(target);
            throw new TargetFileException("cannot write the sample " + target, e);
        }
    }

    private SampleResult sample(URI source, Path target, long deadline) throws SourceRefusal, IOException {
        long head = limits.headBytes();
        try (Exchange first = get(source, 0, head - 1, deadline)) {
            if (first.head().status() == 206) {
                ContentRange range = first.contentRange(0);
                long total = range.total().orElse(range.last() + 1);
                if (total > limits.maxSourceBytes()) {
                    throw new SourceRefusal("larger than the " + new ByteSize(limits.maxSourceBytes())
                            + " a probe reads from");
                }
                long written;
                try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
                    file.setLength(total);
                    written = copy(first.body(), file, 0, Math.min(head, range.last() + 1));
                }
                if (written < total) {
                    Optional<long[]> index = IsoBoxes.indexBeyond(target, written, total);
                    if (index.isPresent()) {
                        long from = index.get()[0];
                        long to = Math.min(index.get()[1], from + limits.maxBytes() - written - 1);
                        if (to < index.get()[1]) {
                            throw new SourceRefusal("its index (the MP4's moov box) lies beyond the "
                                    + new ByteSize(limits.maxBytes()) + " a probe reads");
                        }
                        readRange(first.location(), target, from, to, deadline);
                    }
                }
                return new SampleResult.Sampled(target, total, false);
            }
            if (first.head().status() == 416) {
                throw new SourceRefusal("the source is empty");
            }
            if (first.head().status() != 200) {
                throw new SourceRefusal("the server answered " + first.head().status());
            }
            OptionalLong declared = first.head().contentLength();
            long read;
            boolean truncated;
            try (OutputStream out = Files.newOutputStream(target)) {
                read = copyUpTo(first.body(), out, limits.maxBytes());
                truncated = declared.isPresent() ? declared.getAsLong() > read
                        : read == limits.maxBytes() && read(first.body(), new byte[1], 1) >= 0;
            }
            if (read == 0) {
                throw new SourceRefusal("the source is empty");
            }
            long total = declared.isPresent() ? Math.max(read, declared.getAsLong()) : read;
            if (total > limits.maxSourceBytes()) {
                throw new SourceRefusal("larger than the " + new ByteSize(limits.maxSourceBytes())
                        + " a probe reads from");
            }
            if (total > read) {
                try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
                    file.setLength(total);
                }
            }
            return new SampleResult.Sampled(target, total, truncated);
        }
    }

    /** The bytes {@code from}-{@code to} of the source, written at {@code from}; the server must answer 206. */
    private void readRange(URI source, Path target, long from, long to, long deadline)
            throws SourceRefusal, IOException {
        try (Exchange exchange = get(source, from, to, deadline)) {
            if (exchange.head().status() != 206) {
                throw new SourceRefusal("the server answered " + exchange.head().status()
                        + " to a request for part of the file");
            }
            ContentRange range = exchange.contentRange(from);
            try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
                copy(exchange.body(), file, from, Math.min(to, range.last()) + 1);
            }
        }
    }

    /** Writes the body at {@code from} up to (not including) {@code end}; the body must not end sooner. */
    private long copy(InputStream body, RandomAccessFile file, long from, long end) throws SourceRefusal, IOException {
        byte[] buffer = new byte[RESPONSE_BUFFER];
        long position = from;
        file.seek(from);
        while (position < end) {
            int read = read(body, buffer, (int) Math.min(buffer.length, end - position));
            if (read < 0) {
                throw new SourceRefusal("the connection closed before the part asked for arrived");
            }
            file.write(buffer, 0, read);
            position += read;
        }
        return position;
    }

    private long copyUpTo(InputStream body, OutputStream out, long limit) throws SourceRefusal, IOException {
        byte[] buffer = new byte[RESPONSE_BUFFER];
        long total = 0;
        while (total < limit) {
            int read = read(body, buffer, (int) Math.min(buffer.length, limit - total));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    /** One read of the body; what goes wrong on the connection is the source's, refused. */
    private int read(InputStream body, byte[] buffer, int length) throws SourceRefusal {
        try {
            return body.read(buffer, 0, length);
        } catch (IOException e) {
            throw refusalOf(e);
        }
    }

    /** A GET of bytes {@code from}-{@code to}, redirects followed; its head read, its body ready. */
    private Exchange get(URI source, long from, long to, long deadline) throws SourceRefusal {
        URI location = source;
        for (int redirects = 0; ; redirects++) {
            HttpEndpoint endpoint = HttpEndpoint.of(location);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.toMillis() < 1) {
                throw refusalOf(new SocketTimeoutException());
            }
            Duration connectTimeout = left.compareTo(limits.connectTimeout()) < 0 ? left : limits.connectTimeout();
            Socket socket = connector.connect(endpoint, connectTimeout, left);
            boolean handedOver = false;
            try {
                InputStream in = send(socket, endpoint, from, to, deadline);
                HttpResponseHead head = HttpResponseHead.read(in);
                if (!head.redirect()) {
                    Optional<String> coding = head.field("content-encoding")
                            .filter(value -> !value.isBlank() && !value.equalsIgnoreCase("identity"));
                    if (coding.isPresent()) {
                        throw new SourceRefusal("the server sent " + coding.get()
                                + "-encoded content, which is not supported");
                    }
                    Exchange exchange = new Exchange(socket, location, head, head.body(in));
                    handedOver = true;
                    return exchange;
                }
                if (redirects == limits.maxRedirects()) {
                    throw new SourceRefusal(limits.maxRedirects() == 0
                            ? "redirected, which is not followed"
                            : "redirected more than " + limits.maxRedirects() + " times");
                }
                location = HttpDownloader.redirectTarget(endpoint, head);
            } catch (SourceRefusal refusal) {
                throw refusal;
            } catch (MalformedResponseException e) {
                throw new SourceRefusal("the server sent a malformed response");
            } catch (IOException e) {
                throw refusalOf(e);
            } finally {
                if (!handedOver) {
                    GuardedConnector.closeQuietly(socket);
                }
            }
        }
    }

    private static InputStream send(Socket socket, HttpEndpoint endpoint, long from, long to, long deadline)
            throws IOException {
        String request = "GET " + endpoint.requestTarget() + " HTTP/1.1\r\n"
                + "Host: " + endpoint.hostField() + "\r\n"
                + "User-Agent: Reelforge\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Range: bytes=" + from + "-" + to + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new BufferedInputStream(new DeadlineInputStream(socket.getInputStream(), socket, deadline),
                RESPONSE_BUFFER);
    }

    private SourceRefusal refusalOf(IOException e) {
        return switch (e) {
            case SocketTimeoutException timeout -> new SourceRefusal("did not arrive within "
                    + GuardedConnector.seconds(limits.deadline())
                    + " (a probe reads the file's head, and its index, within that time)");
            case SSLException ssl -> new SourceRefusal("the secure connection failed");
            case EOFException eof -> new SourceRefusal("the connection closed before the part asked for arrived");
            case MalformedResponseException malformed -> new SourceRefusal("the server sent a malformed response");
            default -> new SourceRefusal("the connection was lost");
        };
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the caller's scratch directory goes with it
        }
    }

    /** {@code bytes first-last/total} as a 206 names its part; {@code total} empty when the server wrote {@code *}. */
    record ContentRange(long first, long last, OptionalLong total) {}

    /** One response being read, and the connection it came on. */
    private record Exchange(Socket socket, URI location, HttpResponseHead head, InputStream body)
            implements AutoCloseable {

        /** The response's Content-Range, which must start at {@code from}. */
        ContentRange contentRange(long from) throws SourceRefusal {
            String value = head.field("content-range").orElseThrow(() ->
                    new SourceRefusal("the server answered 206 without a Content-Range"));
            Matcher matcher = CONTENT_RANGE.matcher(value.strip());
            if (!matcher.matches()) {
                throw new SourceRefusal("the server answered 206 with a malformed Content-Range");
            }
            long first = Long.parseLong(matcher.group(1));
            long last = Long.parseLong(matcher.group(2));
            OptionalLong total = matcher.group(3).equals("*") ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(matcher.group(3)));
            if (first != from || last < first || (total.isPresent() && last >= total.getAsLong())) {
                throw new SourceRefusal("the server answered 206 with another part than the one asked for");
            }
            return new ContentRange(first, last, total);
        }

        @Override
        public void close() {
            GuardedConnector.closeQuietly(socket);
        }
    }
}
