package dev.reelforge.sources;

import dev.reelforge.core.url.UrlHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens the connection for a request to a URL a user named, resisting DNS rebinding (see
 * {@link GuardedSourceFetcher} for why): the host is resolved once, refused unless every address it has is
 * permitted by {@link AddressScope}, and one of exactly those addresses is connected to; for https the TLS
 * layer is then put over that socket with the host name, so SNI and certificate checks are against the
 * name, not the address. Shared by the source fetcher and the webhook poster.
 */
final class GuardedConnector {

    private final boolean allowLoopback;
    private final SSLContext tls;
    private final String refusedAs;

    /** {@code refusedAs} ends a refusal: "..., which is not {@code fetched}". */
    GuardedConnector(boolean allowLoopback, SSLContext tls, String refusedAs) {
        this.allowLoopback = allowLoopback;
        this.tls = tls;
        this.refusedAs = refusedAs;
    }

    /** Throws {@link AddressRefusal} for a forbidden address, {@link SourceRefusal} when no connection was made. */
    Socket connect(HttpEndpoint endpoint, Duration connectTimeout, Duration readTimeout) throws SourceRefusal {
        Socket socket = open(endpoint, connectTimeout, readTimeout);
        return endpoint.secure() ? secure(socket, endpoint, readTimeout) : socket;
    }

    /** The plain connection to a checked address, before any TLS. */
    Socket open(HttpEndpoint endpoint, Duration connectTimeout, Duration readTimeout) throws SourceRefusal {
        InetAddress[] addresses;
        try {
            addresses = addressesOf(endpoint.urlHost());
        } catch (UnknownHostException e) {
            throw new SourceRefusal("host not found");
        }
        for (InetAddress address : addresses) {
            AddressScope scope = AddressScope.of(address);
            if (!scope.permitted(allowLoopback)) {
                throw new AddressRefusal(endpoint.host() + (endpoint.literal() ? " is " : " resolves to ")
                        + scope.description() + ", which is not " + refusedAs);
            }
        }
        Socket socket = null;
        boolean timedOut = false;
        for (InetAddress address : addresses) {
            // NO_PROXY: a SOCKS proxy configured for the JVM would resolve and connect on its own.
            Socket attempt = new Socket(Proxy.NO_PROXY);
            try {
                attempt.connect(new InetSocketAddress(address, endpoint.port()), millis(connectTimeout));
                attempt.setSoTimeout(millis(readTimeout));
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
            throw new SourceRefusal(timedOut ? "timed out after " + seconds(connectTimeout) : "could not connect");
        }
        return socket;
    }

    /**
     * The addresses a host stands for: a literal's own (its text is never handed to the JDK's parser, which reads
     * some forms differently from everyone else), a name's from one lookup.
     */
    static InetAddress[] addressesOf(UrlHost host) throws UnknownHostException {
        return switch (host) {
            case UrlHost.Address literal -> new InetAddress[] {literal.address()};
            case UrlHost.Name name -> InetAddress.getAllByName(name.text());
        };
    }

    /** TLS over a connection {@link #open} made, checked against the host name. */
    Socket secure(Socket plain, HttpEndpoint endpoint, Duration readTimeout) throws SourceRefusal {
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
            throw new SourceRefusal("timed out after " + seconds(readTimeout));
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

    static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no default TLS context", e);
        }
    }

    // Sockets take whole milliseconds as an int, and 0 would mean "wait forever".
    static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    static String seconds(Duration timeout) {
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

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The exchange is over either way; nothing is waiting on this connection.
        }
    }
}
