package dev.reelforge.sources;

import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.url.FetchableUrl;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fetches the sources users name in their edits, which makes every fetch a request this worker sends on
 * a stranger's behalf. So: only {@code http}, {@code https} and {@code s3}, read as {@link FetchableUrl} (hosts
 * written canonically, no user name); only public addresses (and
 * loopback, when {@link SourceLimits#allowLoopback()}); redirects only within the same host and never
 * from https down to http; at most {@link SourceLimits#maxBytes()}, checked against Content-Length
 * before reading and against the bytes as they arrive; the file appears at the target only when complete.
 *
 * <h2>Why http(s) goes over a socket this class opens</h2>
 * Checking a host name's addresses and then handing the URL to an HTTP client is open to DNS rebinding:
 * the client resolves the name again, and a name with a zero TTL can answer a public address to the
 * check and {@code 169.254.169.254} to the connection. Neither {@code java.net.http.HttpClient} nor
 * {@code HttpURLConnection} can be told which address to connect to (short of a JVM-wide resolver or
 * socket factory), and sending the request to an IP-literal URL with a {@code Host} header breaks SNI
 * and certificate checks and needs JVM-wide "restricted header" flags. Instead the host is resolved
 * once ({@link GuardedConnector}, shared with the webhook poster); every address must pass
 * {@link AddressScope}; a plain {@link java.net.Socket} (explicitly
 * without proxy) connects to one of exactly those {@link java.net.InetAddress} objects, so no second
 * lookup happens; and for https, TLS is layered over that connected socket with the <em>host name</em>
 * ({@code SSLSocketFactory.createSocket(socket, host, port, true)} and endpoint identification
 * {@code HTTPS}), so SNI carries the name and the certificate must be valid for it. The request itself
 * is a minimal HTTP/1.1 GET with {@code Connection: close}, one connection per hop; each redirect hop is
 * resolved and checked again. IP-literal hosts go through the same path (resolving a literal does no
 * lookup), including the IPv4-mapped and other IPv6 forms that {@link AddressScope} unwraps.
 *
 * <p>{@code s3://bucket/key} goes through the worker's {@link S3Client}, so which buckets users can
 * read is decided by the credentials that client runs with.
 *
 * <p>Refusals are {@link FetchResult.Refused} with a reason fit for the user. Unexpected failures are
 * thrown: {@link TargetFileException} when the target cannot be written, the SDK's exceptions (and
 * {@link java.io.UncheckedIOException}) when S3 itself fails.
 */
public final class GuardedSourceFetcher implements SourceFetcher {

    private static final Set<String> SCHEMES = Set.of("http", "https", "s3");

    private final SourceLimits limits;
    private final S3Client s3Client;
    private final SSLContext tls;
    private final HttpDownloader http;
    private final S3Downloader s3;

    public GuardedSourceFetcher(SourceLimits limits, S3Client s3) {
        this(limits, s3, GuardedConnector.defaultTls());
    }

    /** For a deployment (or a test) that trusts certificates other than the JDK's default ones. */
    public GuardedSourceFetcher(SourceLimits limits, S3Client s3, SSLContext tls) {
        this.limits = limits;
        this.s3Client = s3;
        this.tls = tls;
        this.http = new HttpDownloader(limits, tls);
        this.s3 = new S3Downloader(limits, s3);
    }

    @Override
    public FetchResult fetch(URI source, Path target) {
        return fetch(source, target, http, s3);
    }

    /** Stops reading (or refuses by the declared length) past {@code maxBytes}, for small files such as subtitles. */
    @Override
    public FetchResult fetch(URI source, Path target, long maxBytes) {
        if (maxBytes >= limits.maxBytes()) {
            return fetch(source, target);
        }
        SourceLimits smaller = new SourceLimits(maxBytes, limits.connectTimeout(), limits.readTimeout(),
                limits.allowLoopback(), limits.maxRedirects(), limits.sourceBuckets());
        return fetch(source, target, new HttpDownloader(smaller, tls), new S3Downloader(smaller, s3Client));
    }

    private static FetchResult fetch(URI source, Path target, HttpDownloader http, S3Downloader s3) {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return new FetchResult.Refused("only http, https and s3 sources can be fetched");
        }
        if (FetchableUrl.read(source.toString(), SCHEMES) instanceof FetchableUrl.Reading.Refused refused) {
            return new FetchResult.Refused("the URL " + refused.problem());
        }
        try {
            return switch (scheme) {
                case "http", "https" -> http.fetch(source, target);
                case "s3" -> s3.fetch(source, target);
                default -> new FetchResult.Refused("only http, https and s3 sources can be fetched");
            };
        } catch (SourceRefusal refusal) {
            return new FetchResult.Refused(refusal.reason());
        }
    }
}
