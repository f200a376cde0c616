package dev.reelforge.sources;

import dev.reelforge.core.callback.CallbackPoster;
import dev.reelforge.core.callback.RetryAfter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * POSTs callbacks to the URLs users give, which makes every callback a request sent on a stranger's behalf:
 * the same guard as sources ({@link GuardedConnector}: public addresses only, loopback when allowed, resolved
 * once and connected to exactly the addresses checked). No redirect is followed (a 3xx is the receiver's
 * answer). At most {@link #MAX_RESPONSE_BYTES} of the answer's body is read, then dropped: only its status and
 * {@code Retry-After} matter.
 *
 * <p>The timeout bounds the whole exchange, not each read: once connected, the connection is closed when the
 * time is up, whatever it is doing (TLS handshake, sending, reading), so a receiver trickling its answer a
 * byte at a time cannot hold the sender past it. Connecting waits at most the timeout per address tried.
 */
public final class GuardedWebhookPoster implements CallbackPoster {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final GuardedConnector connector;
    private final Duration timeout;

    public GuardedWebhookPoster(boolean allowLoopback) {
        this(allowLoopback, GuardedConnector.defaultTls(), TIMEOUT);
    }

    /** For a deployment (or a test) that trusts other certificates or waits another time. */
    public GuardedWebhookPoster(boolean allowLoopback, SSLContext tls, Duration timeout) {
        this.connector = new GuardedConnector(allowLoopback, tls, "called");
        this.timeout = timeout;
    }

    @Override
    public PostOutcome post(URI url, Map<String, String> headers, String body) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new PostOutcome.Refused("only http and https callback URLs are called");
        }
        AtomicBoolean expired = new AtomicBoolean();
        Thread watchdog = null;
        Socket plain = null;
        try {
            HttpEndpoint endpoint = HttpEndpoint.of(url);
            plain = connector.open(endpoint, timeout, timeout);
            watchdog = closeWhenDue(plain, expired);
            Socket socket = endpoint.secure() ? connector.secure(plain, endpoint, timeout) : plain;
            send(socket, endpoint, headers, body.getBytes(StandardCharsets.UTF_8));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpResponseHead head = HttpResponseHead.read(in);
            drain(head, in);
            return new PostOutcome.Answered(head.status(), head.field("retry-after").flatMap(RetryAfter::parse));
        } catch (AddressRefusal refusal) {
            return new PostOutcome.Refused(refusal.reason());
        } catch (SourceRefusal refusal) {
            return new PostOutcome.Unreachable(expired.get() ? timedOut() : refusal.reason());
        } catch (SocketTimeoutException e) {
            return new PostOutcome.Unreachable(timedOut());
        } catch (SSLException e) {
            return new PostOutcome.Unreachable(expired.get() ? timedOut() : "the secure connection failed");
        } catch (MalformedResponseException e) {
            return new PostOutcome.Unreachable(expired.get() ? timedOut() : "the receiver sent a malformed response");
        } catch (IOException e) {
            return new PostOutcome.Unreachable(expired.get() ? timedOut() : "the connection was lost");
        } finally {
            if (watchdog != null) {
                watchdog.interrupt();
            }
            if (plain != null) {
                GuardedConnector.closeQuietly(plain);
            }
        }
    }

    private Thread closeWhenDue(Socket socket, AtomicBoolean expired) {
        return Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) {
                return; // the exchange ended in time
            }
            expired.set(true);
            GuardedConnector.closeQuietly(socket);
        });
    }

    private String timedOut() {
        return "timed out after " + GuardedConnector.seconds(timeout);
    }

    private static void send(Socket socket, HttpEndpoint endpoint, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder()
                .append("POST ").append(endpoint.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.hostField()).append("\r\n")
                .append("User-Agent: Reelforge-Webhooks\r\n");
        headers.forEach((name, value) -> {
            // The headers are the sender's own; a line break in one would be a bug, not something to send.
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || value.matches("(?s).*[\\r\\n].*")) {
                throw new IllegalArgumentException("not a header field: " + name);
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n")
                .append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Reads what the receiver sends back, up to the bound, so it is not cut off mid-answer; the rest is left. */
    private static void drain(HttpResponseHead head, InputStream in) {
        try {
            InputStream answer = head.body(in);
            byte[] buffer = new byte[8192];
            int left = MAX_RESPONSE_BYTES;
            for (int read; left > 0 && (read = answer.read(buffer, 0, Math.min(buffer.length, left))) >= 0; ) {
                left -= read;
            }
        } catch (IOException e) {
            // The status is known: a body that is malformed, cut short or late changes nothing.
        }
    }
}
