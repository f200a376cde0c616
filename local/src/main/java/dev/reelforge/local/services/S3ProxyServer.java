package dev.reelforge.local.services;

import dev.reelforge.local.s3.ObjectCreated;
import dev.reelforge.local.s3.ObjectCreationHook;
import dev.reelforge.local.s3.ObjectWrites;
import jakarta.servlet.DispatcherType;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Properties;
import java.util.function.Consumer;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.gaul.shaded.org.eclipse.jetty.server.Server;

/**
 * S3Proxy serving the S3 API from files under {@code directory} (one folder per bucket), with the stack's
 * hook on object creation ({@link ObjectCreationHook}: object times follow the stack's clock, creations are
 * reported). Clients sign with the local credentials and address buckets path-style. An accepted request's body is
 * read to its end before the answer ({@link RequestBodyDrain}), so an upload's connection stays open for the next.
 */
public final class S3ProxyServer implements LocalService {

    private final S3Proxy proxy;
    private final URI endpoint;
    private final ObjectWrites writes;

    private S3ProxyServer(S3Proxy proxy, URI endpoint, ObjectWrites writes) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.writes = writes;
    }

    /** S3Proxy on the system's clock, telling no one of the objects it creates. */
    public static S3ProxyServer start(Path directory, String accessKeyId, String secretAccessKey) {
        return start(directory, accessKeyId, secretAccessKey, Clock.systemUTC(), created -> {});
    }

    /**
     * @param clock         what new objects' LastModified and uploads' initiation times are read from
     * @param objectCreated told of every object a request creates, on that request's thread (must not block)
     */
    public static S3ProxyServer start(Path directory, String accessKeyId, String secretAccessKey, Clock clock,
            Consumer<ObjectCreated> objectCreated) {
        try {
            Files.createDirectories(directory);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            URI endpoint = URI.create("http://127.0.0.1:" + LoopbackPorts.stable());
            ObjectCreationHook store = new ObjectCreationHook(BlobStores.create("filesystem", properties),
                    directory.toAbsolutePath(), clock, objectCreated);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                    // No graceful stop: Jetty's waited a second for connections the stack's clients keep alive.
                    .stopTimeout(0)
                    .build();
            servletContext(proxy).addFilter(new RequestBodyDrain(), "/*", EnumSet.of(DispatcherType.REQUEST));
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new LocalServiceException("S3Proxy did not reach STARTED: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return new S3ProxyServer(proxy, endpoint, store);
        } catch (LocalServiceException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalServiceException("S3Proxy did not start", e);
        }
    }

    /**
     * The servlet context S3Proxy serves the S3 API from. Its builder offers no way to add to the request handling,
     * so the context is found through the Jetty server S3Proxy keeps in a private field (4.1.0).
     */
    private static ServletContextHandler servletContext(S3Proxy proxy) throws ReflectiveOperationException {
        Field serverField = S3Proxy.class.getDeclaredField("server");
        serverField.setAccessible(true);
        ServletContextHandler context = ((Server) serverField.get(proxy)).getDescendant(ServletContextHandler.class);
        if (context == null) {
            throw new LocalServiceException("S3Proxy serves no servlet context to add the request body drain to");
        }
        return context;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The object writes, for work that must not overlap one (lifecycle rules). */
    public ObjectWrites writes() {
        return writes;
    }

    /**
     * Stops at once, as a killed process would: a request still in flight loses its connection, and its client
     * retries it.
     */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new LocalServiceException("S3Proxy did not stop cleanly", e);
        }
    }
}
