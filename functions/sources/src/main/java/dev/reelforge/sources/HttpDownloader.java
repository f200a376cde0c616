package dev.reelforge.sources;

import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * GETs an http or https source over a socket this class connects itself, so that the address checked
 * by the guard is the address connected to (see {@link GuardedSourceFetcher} for why), and speaks just
 * enough HTTP/1.1 for that: one request per connection, bodies framed by Content-Length, chunked coding
 * or the end of the connection, and redirects followed by hand.
 */
final class HttpDownloader {

    private static final int RESPONSE_BUFFER = 64 * 1024;

    private final SourceLimits limits;
    private final SSLContext tls;

    HttpDownloader(SourceLimits limits, SSLContext tls) {
        this.limits = limits;
        this.tls = tls;
    }

    FetchResult fetch(URI source, Path target) throws SourceRefusal {
        URI location = source;
        for (int redirects = 0; ; redirects++) {
            Endpoint endpoint = Endpoint.of(location);
            Socket socket = connect(endpoint);
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
                throw new SourceRefusal("timed out after " + seconds(limits.readTimeout()));
            } catch (SSLException e) {
                throw new SourceRefusal("the secure connection failed");
            } catch (EOFException e) {
                throw new SourceRefusal("the connection closed before the whole file arrived");
            } catch (MalformedResponseException e) {
                throw new SourceRefusal("the server sent a malformed response");
            } catch (IOException e) {
                throw new SourceRefusal("the connection was lost");
            } finally {
                closeQuietly(socket);
            }
        }
    }

    /**
     * Resolves the host once, refuses it unless every address it has is permitted, and connects to one
     * of exactly those addresses; for https the TLS layer is then put over that socket with the host
     * name, so SNI and certificate checks are against the name, not the address.
     */
    private Socket connect(Endpoint endpoint) throws SourceRefusal {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(endpoint.host());
        } catch (UnknownHostException e) {
            throw new SourceRefusal("host not found");
        }
        for (InetAddress address : addresses) {
            AddressScope scope = AddressScope.of(address);
            if (!scope.permitted(limits.allowLoopback())) {
                throw new SourceRefusal(endpoint.host() + (endpoint.literal() ? " is " : " resolves to ")
                        + scope.description() + ", which is not fetched");
            }
        }
        Socket socket = null;
        boolean timedOut = false;
        for (InetAddress address : addresses) {
            // NO_PROXY: a SOCKS proxy configured for the JVM would resolve and connect on its own.
            Socket attempt = new Socket(Proxy.NO_PROXY);
            try {
                attempt.connect(new InetSocketAddress(address, endpoint.port()), limits.connectTimeoutMillis());
                attempt.setSoTimeout(limits.readTimeoutMillis());
                socket = attempt;
                break;
            } catch (SocketTimeoutException e) {
                timedOut = true;
                closeQuietly(attempt);
            } catch (IOException e) {
                closeQuietly(attempt);
            }
        }
        if (socket == null) {
            throw new SourceRefusal(timedOut ? "timed out after " + seconds(limits.connectTimeout()) : "could not connect");
        }
        return endpoint.secure() ? secure(socket, endpoint) : socket;
    }

    private Socket secure(Socket plain, Endpoint endpoint) throws SourceRefusal {
        try {
            SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                    .createSocket(plain, endpoint.bareHost(), endpoint.port(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!endpoint.literal()) {
                // JSSE only sends SNI for dotted names on its own; name the host whatever its form.
                try {
                    parameters.setServerNames(List.of(new SNIHostName(endpoint.bareHost())));
                } catch (IllegalArgumentException e) {
                    // Not a name SNI can carry (an underscore, say): JSSE's own choice stands.
                }
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(plain);
            throw new SourceRefusal("timed out after " + seconds(limits.readTimeout()));
        } catch (SSLHandshakeException e) {
            closeQuietly(plain);
            throw new SourceRefusal(causedBy(e, CertificateException.class)
                    ? "the server's certificate was not accepted"
                    : "a secure connection could not be established");
        } catch (IOException e) {
            closeQuietly(plain);
            throw new SourceRefusal("a secure connection could not be established");
        }
    }

    private static InputStream send(Socket socket, Endpoint endpoint) throws IOException {
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

    private static URI redirectTarget(Endpoint from, HttpResponseHead head) throws SourceRefusal {
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
        return next;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The exchange is over either way; nothing is waiting on this connection.
        }
    }

    /** Where a request goes: the host as written (IPv6 literals bracketed), the port, what to ask for. */
    private record Endpoint(URI base, boolean secure, String host, int port, String requestTarget) {

        static Endpoint of(URI uri) throws SourceRefusal {
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                throw new SourceRefusal("the address has no valid host name");
            }
            boolean secure = uri.getScheme().equalsIgnoreCase("https");
            int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
            URI ascii = URI.create(uri.toASCIIString());
            String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
            String query = ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery();
            // A base with an empty path would make URI.resolve glue a relative redirect onto the host.
            URI base = URI.create(ascii.getScheme() + "://" + ascii.getRawAuthority() + path + query);
            return new Endpoint(base, secure, host, port, path + query);
        }

        String bareHost() {
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }

        boolean literal() {
            return host.startsWith("[") || host.matches("[0-9.]+");
        }

        String hostField() {
            return base.getPort() == -1 ? host : host + ":" + port;
        }
    }
}
