package dev.reelforge.local.cloudfront;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.local.template.DistributionDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One distribution's viewer side on its loopback port, over plain HTTP: GET and HEAD of {@code /{path}} answer the
 * object at {@code {OriginPath}/{path}} of its origin bucket, read through the S3 API, with what a browser's video
 * element needs (byte ranges, Content-Type, Content-Length, ETag, Last-Modified, conditional requests), the object's
 * Content-Disposition, and the Cache-Control of the object or else of the distribution's response headers policy. It
 * keeps no cache, so every request sees the bucket as it is (an invalidation has nothing to do).
 *
 * <p>Where CloudFront would refuse, it refuses alike: a distribution that trusts key groups answers 403 with
 * CloudFront's XML body to a request without a good signed URL; a missing object is S3's 403 {@code AccessDenied}
 * (the origin access control may read objects but not list the bucket, so S3 does not tell "missing" apart);
 * other methods are 403. A request for {@code /} answers the distribution's {@code DefaultRootObject}, if it has one.
 */
final class DistributionServer implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    private final DistributionDefinition distribution;
    private final HttpServer server;
    private final S3Client s3;
    private final Optional<SignedUrlVerifier> signedUrls;

    private DistributionServer(DistributionDefinition distribution, HttpServer server, S3Client s3, Clock clock) {
        this.distribution = distribution;
        this.server = server;
        this.s3 = s3;
        this.signedUrls = distribution.restrictsViewers()
                ? Optional.of(new SignedUrlVerifier(distribution.trustedPublicKeys(), clock)) : Optional.empty();
    }

    /** Serves {@code distribution} on the loopback port of its domain name ({@code 127.0.0.1:port}). */
    static DistributionServer start(DistributionDefinition distribution, S3Client s3, Clock clock,
            ExecutorService executor) {
        int port = portOf(distribution);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            DistributionServer served = new DistributionServer(distribution, server, s3, clock);
            server.createContext("/", served::handle);
            server.setExecutor(executor);
            server.start();
            return served;
        } catch (BindException e) {
            throw new UncheckedIOException(distribution.logicalId() + " cannot listen on 127.0.0.1:" + port
                    + ", its port since the data directory was made (URLs stored with renders name it); free the port"
                    + " or start on a new data directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException(distribution.logicalId() + " cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private static int portOf(DistributionDefinition distribution) {
        String domain = distribution.domainName();
        if (!domain.startsWith("127.0.0.1:")) {
            throw new IllegalArgumentException(distribution.logicalId() + " has domain name " + domain
                    + "; the embedded stack serves distributions at 127.0.0.1:<port>");
        }
        return Integer.parseInt(domain.substring("127.0.0.1:".length()));
    }

    URI url() {
        return URI.create("http://" + distribution.domainName());
    }

    DistributionDefinition definition() {
        return distribution;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange);
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("HEAD")) {
                refuseMethod(exchange);
                return;
            }
            if (signedUrls.isPresent()) {
                URI uri = exchange.getRequestURI();
                String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse(distribution.domainName());
                Optional<SignedUrlVerifier.Refusal> refusal = signedUrls.get().check("http://" + host + uri.getRawPath(),
                        uri.getRawQuery());
                if (refusal.isPresent()) {
                    error(exchange, 403, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                            + refusal.get().code() + "</Code><Message>" + refusal.get().message() + "</Message></Error>");
                    return;
                }
            }
            serve(exchange, method.equals("HEAD"));
        } catch (RuntimeException e) {
            System.err.println("[cloudfront " + distribution.logicalId() + "] " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + " failed: " + e);
            if (exchange.getResponseCode() != -1) {
                return; // the answer has begun; the connection closes with it
            }
            error(exchange, 502, "text/html", "<HTML><HEAD><TITLE>502 ERROR</TITLE></HEAD><BODY><H1>502 ERROR</H1>"
                    + "<H2>The request could not be satisfied.</H2>The local CloudFront could not read the origin."
                    + "</BODY></HTML>");
        }
    }

    private void serve(HttpExchange exchange, boolean head) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/") && !distribution.defaultRootObject().isEmpty()) {
            path = "/" + distribution.defaultRootObject(); // CloudFront's DefaultRootObject: for the root only
        }
        String key = distribution.originPath().isEmpty() ? path.substring(1) : distribution.originPath() + path;
        Optional<HeadObjectResponse> found = key.isEmpty() || key.endsWith("/") ? Optional.empty() : headOf(key);
        if (found.isEmpty()) {
            error(exchange, 403, "application/xml", s3Error("AccessDenied", "Access Denied"));
            return;
        }
        HeadObjectResponse object = found.get();
        Headers request = exchange.getRequestHeaders();
        Headers response = exchange.getResponseHeaders();
        String etag = object.eTag();
        Instant lastModified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
        response.set("ETag", etag);
        response.set("Last-Modified", HTTP_DATE.format(lastModified));
        response.set("Accept-Ranges", "bytes");
        cacheHeaders(response, Optional.ofNullable(object.cacheControl()));
        response.set("X-Cache", "Miss from cloudfront");

        Optional<String> ifMatch = header(request, "If-Match");
        Optional<Instant> ifUnmodifiedSince = date(request, "If-Unmodified-Since");
        if ((ifMatch.isPresent() && !matches(ifMatch.get(), etag))
                || (ifMatch.isEmpty() && ifUnmodifiedSince.isPresent() && lastModified.isAfter(ifUnmodifiedSince.get()))) {
            error(exchange, 412, "application/xml", s3Error("PreconditionFailed",
                    "At least one of the pre-conditions you specified did not hold"));
            return;
        }
        Optional<String> ifNoneMatch = header(request, "If-None-Match");
        Optional<Instant> ifModifiedSince = date(request, "If-Modified-Since");
        if ((ifNoneMatch.isPresent() && matches(ifNoneMatch.get(), etag))
                || (ifNoneMatch.isEmpty() && ifModifiedSince.isPresent() && !lastModified.isAfter(ifModifiedSince.get()))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }

        long size = object.contentLength();
        Optional<String> range = header(request, "Range");
        Optional<String> ifRange = header(request, "If-Range");
        if (ifRange.isPresent() && !ifRange.get().trim().equals(etag)
                && !date(request, "If-Range").map(lastModified::equals).orElse(false)) {
            range = Optional.empty();
        }
        response.set("Content-Type", Optional.ofNullable(object.contentType()).orElse(DEFAULT_CONTENT_TYPE));
        // S3 answers the object's Content-Disposition, and CloudFront passes it on (downloads are saved, not played)
        Optional.ofNullable(object.contentDisposition()).ifPresent(value -> response.set("Content-Disposition", value));
        switch (ByteRange.of(range, size)) {
            case ByteRange.Unsatisfiable unsatisfiable -> {
                response.set("Content-Range", "bytes */" + size);
                error(exchange, 416, "application/xml", s3Error("InvalidRange", "The requested range is not satisfiable"));
            }
            case ByteRange.Whole whole -> send(exchange, head, key, 200, Optional.empty(), size);
            case ByteRange.Partial partial -> {
                response.set("Content-Range", partial.range().contentRange(size));
                send(exchange, head, key, 206, Optional.of(partial.range()), partial.range().length());
            }
        }
    }

    private void send(HttpExchange exchange, boolean head, String key, int status, Optional<ByteRange> range,
            long length) throws IOException {
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        if (length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(distribution.originBucket()).key(key);
        range.ifPresent(bytes -> get.range(bytes.header()));
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(get.build())) {
            exchange.sendResponseHeaders(status, length);
            try (OutputStream out = exchange.getResponseBody()) {
                body.transferTo(out);
            }
        }
    }

    /** The object's Cache-Control, then the response headers policy's headers (overriding ones replace). */
    private void cacheHeaders(Headers response, Optional<String> objectCacheControl) {
        objectCacheControl.ifPresent(value -> response.set("Cache-Control", value));
        for (DistributionDefinition.ResponseHeader header : distribution.responseHeaders()) {
            if (header.override() || !response.containsKey(header.name())) {
                response.set(header.name(), header.value());
            }
        }
    }

    private Optional<HeadObjectResponse> headOf(String key) {
        try {
            return Optional.of(s3.headObject(head -> head.bucket(distribution.originBucket()).key(key)));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether an If-Match or If-None-Match list names the ETag (weakly compared, as for GET). */
    private static boolean matches(String list, String etag) {
        String strong = etag.replaceFirst("^W/", "");
        return Arrays.stream(list.split(",")).map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || candidate.replaceFirst("^W/", "").equals(strong));
    }

    private static Optional<String> header(Headers headers, String name) {
        return Optional.ofNullable(headers.getFirst(name)).filter(value -> !value.isBlank());
    }

    private static Optional<Instant> date(Headers headers, String name) {
        return header(headers, name).flatMap(value -> {
            try {
                return Optional.of(Instant.from(HTTP_DATE.parse(value.trim())));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        });
    }

    private static void refuseMethod(HttpExchange exchange) throws IOException {
        error(exchange, 403, "text/html", "<HTML><HEAD><TITLE>403 ERROR</TITLE></HEAD><BODY><H1>403 ERROR</H1>"
                + "<H2>The request could not be satisfied.</H2>This distribution is not configured to allow the HTTP"
                + " request method that was used for this request. The distribution supports only cachable requests."
                + "</BODY></HTML>");
    }

    private static String s3Error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT)
                + "</RequestId></Error>";
    }

    private static void error(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.remove("ETag");
        headers.remove("Last-Modified");
        headers.remove("Accept-Ranges");
        headers.remove("Cache-Control");
        headers.set("Content-Type", contentType);
        headers.set("X-Cache", "Error from cloudfront");
        if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
            headers.set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.skip(Long.MAX_VALUE);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
