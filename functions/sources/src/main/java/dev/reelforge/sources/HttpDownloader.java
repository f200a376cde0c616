package dev.reelforge.sources;

import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import dev.reelforge.core.url.FetchableUrl;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * GETs an http or https source over a socket this class connects itself, so that the address checked
 * by the guard is the address connected to (see {@link GuardedSourceFetcher} for why), and speaks just
 * enough HTTP/1.1 for that: one request per connection, bodies framed by Content-Length, chunked coding
 * or the end of the connection, and redirects followed by hand.
 */
final class HttpDownloader {

    private static final int RESPONSE_BUFFER = 64 * 1024;

    private final SourceLimits limits;
    private final GuardedConnector connector;

    HttpDownloader(SourceLimits limits, SSLContext tls) {
        this.limits = limits;
        this.connector = new GuardedConnector(limits.allowLoopback(), tls, "fetched");
    }

    FetchResult fetch(URI source, Path target) throws SourceRefusal {
        URI location = source;
        for (int redirects = 0; ; redirects++) {
            HttpEndpoint endpoint = HttpEndpoint.of(location);
            Socket socket = connector.connect(endpoint, limits.connectTimeout(), limits.readTimeout());
            try {
                InputStream in = send(socket, endpoint);
                HttpResponseHead head = HttpResponseHead.read(in);
                if (!head.redirect()) {
                    return save(head, in, target);
                }
                if (redirects == limits.maxRedirects()) {
                    throw new SourceRefusal(limits.maxRedirects() == 0
                            ? "redirected, which is not followed"
                            : "redirected more than " + limits.maxRedirects() + " times");
                }
                location = redirectTarget(endpoint, head);
            } catch (SocketTimeoutException e) {
                throw new SourceRefusal("timed out after " + GuardedConnector.seconds(limits.readTimeout()));
            } catch (SSLException e) {
                throw new SourceRefusal("the secure connection failed");
            } catch (EOFException e) {
                throw new SourceRefusal("the connection closed before the whole file arrived");
            } catch (MalformedResponseException e) {
                throw new SourceRefusal("the server sent a malformed response");
            } catch (IOException e) {
                throw new SourceRefusal("the connection was lost");
            } finally {
                GuardedConnector.closeQuietly(socket);
            }
        }
    }

    private static InputStream send(Socket socket, HttpEndpoint endpoint) throws IOException {
        String request = "GET " + endpoint.requestTarget() + " HTTP/1.1\r\n"
                + "Host: " + endpoint.hostField() + "\r\n"
                + "User-Agent: Reelforge\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new BufferedInputStream(socket.getInputStream(), RESPONSE_BUFFER);
    }

    private FetchResult save(HttpResponseHead head, InputStream in, Path target)
            throws IOException, SourceRefusal {
        if (!head.successful()) {
            throw new SourceRefusal("the server answered " + head.status());
        }
        Optional<String> coding = head.field("content-encoding")
                .filter(value -> !value.isBlank() && !value.equalsIgnoreCase("identity"));
        if (coding.isPresent()) {
            throw new SourceRefusal("the server sent " + coding.get() + "-encoded content, which is not supported");
        }
        OptionalLong declared = head.contentLength();
        if (declared.isPresent() && declared.getAsLong() > limits.maxBytes()) {
            throw new SourceRefusal(limits.tooLargeReason());
        }
        try (TargetFile file = TargetFile.beside(target)) {
            long bytes = file.fill(head.body(in), limits.maxBytes());
            if (bytes > limits.maxBytes()) {
                throw new SourceRefusal(limits.tooLargeReason());
            }
            if (bytes == 0) {
                throw new SourceRefusal("the source is empty");
            }
            file.commit();
            return new FetchResult.Fetched(target, bytes);
        }
    }

    static URI redirectTarget(HttpEndpoint from, HttpResponseHead head) throws SourceRefusal {
        String location = head.field("location")
                .orElseThrow(() -> new SourceRefusal("the server answered " + head.status() + " without a location"));
        URI next;
        try {
            next = from.base().resolve(new URI(location));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new SourceRefusal("the server redirected to an invalid address");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceRefusal("redirected to a non-http address, which is not followed");
        }
        if (from.secure() && scheme.equals("http")) {
            throw new SourceRefusal("redirected from https to http, which is not followed");
        }
        if (next.getHost() == null || !next.getHost().equalsIgnoreCase(from.host())) {
            throw new SourceRefusal("redirected to another host, which is not followed");
        }
        if (FetchableUrl.read(next.toString(), Set.of(scheme)) instanceof FetchableUrl.Reading.Refused refused) {
            throw new SourceRefusal("redirected to a URL that is not followed: it " + refused.problem());
        }
        return next;
    }
}
