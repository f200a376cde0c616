package dev.reelforge.local.cloudfront;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.local.services.LocalService;
import dev.reelforge.local.template.DistributionDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * CloudFront on loopback: each distribution of the template served over plain HTTP on its own port (see
 * {@link DistributionServer}), and the part of CloudFront's API the functions call on another port, for the
 * unmodified SDK {@code CloudFrontClient} (endpoint overridden):
 *
 * <ul>
 *   <li>{@code POST /2020-05-31/distribution/{Id}/invalidation} (CreateInvalidation) records the invalidation and
 *       answers 201 with it, {@code Completed}: the emulator keeps no cache, so there is nothing to wait for. The same
 *       CallerReference with the same paths answers the invalidation it made; with other paths, 409
 *       {@code InvalidationBatchAlreadyExists}.</li>
 *   <li>{@code GET /2020-05-31/distribution/{Id}/invalidation/{InvalidationId}} (GetInvalidation).</li>
 * </ul>
 *
 * An unknown distribution is 404 {@code NoSuchDistribution}, errors in CloudFront's {@code ErrorResponse} XML.
 */
public final class CloudFrontEmulator implements LocalService {

    static final String API = "/2020-05-31";
    private static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static final Pattern INVALIDATIONS = Pattern.compile(API + "/distribution/([^/]+)/invalidation(?:/([^/]+))?/?");
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpServer api;
    private final ExecutorService executor;
    private final Map<String, DistributionServer> distributions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();
    private final Map<String, Invalidation> byCallerReference = new ConcurrentHashMap<>();

    private CloudFrontEmulator(HttpServer api, ExecutorService executor, Map<String, DistributionServer> distributions,
            Clock clock) {
        this.api = api;
        this.executor = executor;
        this.distributions = distributions;
        this.clock = clock;
    }

    /**
     * Serves every distribution on the port of its domain name ({@code 127.0.0.1:port}), reading its origin bucket
     * with {@code s3}, and the API on a free loopback port.
     *
     * @param clock what signed URLs' expiry is checked against
     */
    public static CloudFrontEmulator start(List<DistributionDefinition> definitions, S3Client s3, Clock clock) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Map<String, DistributionServer> distributions = new LinkedHashMap<>();
        try {
            for (DistributionDefinition definition : definitions) {
                distributions.put(definition.logicalId(), DistributionServer.start(definition, s3, clock, executor));
            }
            HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            CloudFrontEmulator emulator = new CloudFrontEmulator(api, executor, distributions, clock);
            api.createContext("/", emulator::handle);
            api.setExecutor(executor);
            api.start();
            return emulator;
        } catch (IOException | RuntimeException e) {
            distributions.values().forEach(DistributionServer::close);
            executor.close();
            throw e instanceof IOException io ? new UncheckedIOException("the CloudFront emulator cannot start", io)
                    : (RuntimeException) e;
        }
    }

    /** Where the API listens, for {@code AWS_ENDPOINT_URL_CLOUDFRONT}. */
    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + api.getAddress().getPort());
    }

    /** Where each distribution serves ({@code http://127.0.0.1:port}), by logical id. */
    public Map<String, URI> distributionUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        distributions.forEach((logicalId, server) -> urls.put(logicalId, server.url()));
        return urls;
    }

    /** The invalidations accepted for a distribution, oldest first. */
    public List<Invalidation> invalidations(String distributionId) {
        return invalidations.stream().filter(invalidation -> invalidation.distributionId().equals(distributionId)).toList();
    }

    @Override
    public void close() {
        api.stop(0);
        distributions.values().forEach(DistributionServer::close);
        executor.close();
    }

    // ---- the API

    private record Response(int status, String body, Optional<String> location) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            Response response;
            try {
                response = respond(exchange);
            } catch (RuntimeException e) {
                System.err.println("[cloudfront api " + requestId + "] " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI() + " failed: " + e);
                response = error(500, "Receiver", "ServiceUnavailable", "The local CloudFront failed: " + e);
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            response.location().ifPresent(location -> exchange.getResponseHeaders().set("Location", location));
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Response respond(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Matcher path = INVALIDATIONS.matcher(exchange.getRequestURI().getPath());
        if (!path.matches() || !(method.equals("POST") && path.group(2) == null
                || method.equals("GET") && path.group(2) != null)) {
            return error(400, "Sender", "InvalidArgument", method + " " + exchange.getRequestURI().getPath()
                    + " is not an operation of the local CloudFront (it serves CreateInvalidation and GetInvalidation)");
        }
        String distributionId = path.group(1);
        if (distributions.values().stream().noneMatch(server -> server.definition().distributionId().equals(distributionId))) {
            return error(404, "Sender", "NoSuchDistribution", "The specified distribution does not exist.");
        }
        if (method.equals("GET")) {
            return invalidations(distributionId).stream().filter(invalidation -> invalidation.id().equals(path.group(2)))
                    .findFirst()
                    .map(invalidation -> new Response(200, invalidationXml(invalidation), Optional.empty()))
                    .orElseGet(() -> error(404, "Sender", "NoSuchInvalidation", "The specified invalidation does not exist."));
        }
        if (body.length > MAX_BODY_BYTES) {
            return error(400, "Sender", "MalformedInput", "The request body is too large.");
        }
        return create(distributionId, body);
    }

    private Response create(String distributionId, byte[] body) {
        Element batch;
        try {
            batch = parse(body).getDocumentElement();
        } catch (IllegalArgumentException e) {
            return error(400, "Sender", "MalformedXML",
                    "The XML document you provided was not well-formed or did not validate against our published schema.");
        }
        if (!batch.getLocalName().equals("InvalidationBatch")) {
            return error(400, "Sender", "MalformedInput", "Expected an InvalidationBatch, found " + batch.getLocalName());
        }
        String callerReference = text(batch, "CallerReference").orElse("");
        List<String> paths = new ArrayList<>();
        NodeList items = batch.getElementsByTagNameNS("*", "Path");
        for (int i = 0; i < items.getLength(); i++) {
            paths.add(items.item(i).getTextContent().trim());
        }
        int quantity = text(batch, "Quantity").map(Integer::parseInt).orElse(-1);
        if (callerReference.isEmpty() || paths.isEmpty() || quantity != paths.size()
                || paths.stream().anyMatch(path -> !path.startsWith("/"))) {
            return error(400, "Sender", "InvalidArgument", "An invalidation needs a CallerReference and a Quantity"
                    + " that counts its Paths, each beginning with /.");
        }
        synchronized (byCallerReference) {
            Invalidation earlier = byCallerReference.get(distributionId + "/" + callerReference);
            if (earlier != null) {
                return earlier.paths().equals(paths) ? created(earlier) : error(409, "Sender",
                        "InvalidationBatchAlreadyExists", "The CallerReference " + callerReference
                                + " was used for another invalidation batch.");
            }
            Invalidation invalidation = new Invalidation(newId(), distributionId, paths, callerReference, clock.instant());
            invalidations.add(invalidation);
            byCallerReference.put(distributionId + "/" + callerReference, invalidation);
            return created(invalidation);
        }
    }

    private Response created(Invalidation invalidation) {
        return new Response(201, invalidationXml(invalidation), Optional.of(endpoint() + API + "/distribution/"
                + invalidation.distributionId() + "/invalidation/" + invalidation.id()));
    }

    private static String invalidationXml(Invalidation invalidation) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invalidation xmlns=\"")
                .append(NAMESPACE).append("\"><Id>").append(invalidation.id()).append("</Id><Status>Completed</Status>")
                .append("<CreateTime>").append(DateTimeFormatter.ISO_INSTANT.format(invalidation.createTime()))
                .append("</CreateTime><InvalidationBatch><Paths><Quantity>").append(invalidation.paths().size())
                .append("</Quantity><Items>");
        invalidation.paths().forEach(path -> xml.append("<Path>").append(escape(path)).append("</Path>"));
        return xml.append("</Items></Paths><CallerReference>").append(escape(invalidation.callerReference()))
                .append("</CallerReference></InvalidationBatch></Invalidation>").toString();
    }

    private static Response error(int status, String type, String code, String message) {
        return new Response(status, "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
                + type + "</Type><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>"
                + UUID.randomUUID() + "</RequestId></ErrorResponse>", Optional.empty());
    }

    private String newId() {
        StringBuilder id = new StringBuilder("I");
        while (id.length() < 14) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Optional<String> text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().trim());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
