package dev.reelforge.local.services;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * S3Proxy serving the S3 API from files under {@code directory} (one folder per bucket). Clients sign
 * with the local credentials and address buckets path-style.
 */
public final class S3ProxyServer implements LocalService {

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyServer(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static S3ProxyServer start(Path directory, String accessKeyId, String secretAccessKey) {
        try {
            Files.createDirectories(directory);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            URI endpoint = URI.create("http://127.0.0.1:" + LoopbackPorts.free());
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", properties))
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new LocalServiceException("S3Proxy did not reach STARTED: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return new S3ProxyServer(proxy, endpoint);
        } catch (LocalServiceException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalServiceException("S3Proxy did not start", e);
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new LocalServiceException("S3Proxy did not stop cleanly", e);
        }
    }
}
