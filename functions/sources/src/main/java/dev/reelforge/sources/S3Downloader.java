package dev.reelforge.sources;

import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Fetches {@code s3://bucket/key} with the worker's own S3 client: HeadObject for the size, then a
 * GetObject of that same version (If-Match on its ETag), so an object replaced in between is not read.
 * S3 errors that say nothing about the source (throttling, 5xx, network) propagate as the SDK's
 * exceptions; a read that breaks off midway is an {@link UncheckedIOException}.
 */
final class S3Downloader {

    private final SourceLimits limits;
    private final S3Client s3;

    S3Downloader(SourceLimits limits, S3Client s3) {
        this.limits = limits;
        this.s3 = s3;
    }

    FetchResult fetch(URI source, Path target) throws SourceRefusal {
        String bucket = source.getAuthority();
        if (bucket == null || bucket.isEmpty() || bucket.contains("@") || bucket.contains(":")) {
            throw new SourceRefusal("the s3 address names no valid bucket");
        }
        if (!limits.sourceBuckets().contains(bucket)) {
            throw new SourceRefusal("bucket " + bucket + " is not one this deployment reads sources from");
        }
        String path = source.getPath();
        String key = path == null || path.isEmpty() ? "" : path.substring(1);
        if (key.isEmpty()) {
            throw new SourceRefusal("the s3 address names no object");
        }
        HeadObjectResponse head;
        try {
            head = s3.headObject(request -> request.bucket(bucket).key(key));
        } catch (S3Exception e) {
            throw refusalFor(e);
        }
        if (head.contentLength() != null && head.contentLength() > limits.maxBytes()) {
            throw new SourceRefusal(limits.tooLargeReason());
        }
        try (ResponseInputStream<GetObjectResponse> body =
                        s3.getObject(request -> request.bucket(bucket).key(key).ifMatch(head.eTag()));
                TargetFile file = TargetFile.beside(target)) {
            long bytes = file.fill(body, limits.maxBytes());
            if (bytes > limits.maxBytes()) {
                // Closing would otherwise read the rest of the object to reuse the connection.
                body.abort();
                throw new SourceRefusal(limits.tooLargeReason());
            }
            if (bytes == 0) {
                throw new SourceRefusal("the source is empty");
            }
            file.commit();
            return new FetchResult.Fetched(target, bytes);
        } catch (S3Exception e) {
            throw refusalFor(e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " from S3 broke off", e);
        }
    }

    private static SourceRefusal refusalFor(S3Exception e) {
        if (e instanceof NoSuchKeyException) {
            return new SourceRefusal("no such object");
        }
        if (e instanceof NoSuchBucketException) {
            return new SourceRefusal("no such bucket");
        }
        return switch (e.statusCode()) {
            // A HEAD answer has no body, so a missing bucket looks like a missing key.
            case 404 -> new SourceRefusal("no such object");
            case 403 -> new SourceRefusal("access denied");
            case 301 -> new SourceRefusal("the bucket is in another region");
            case 412 -> new SourceRefusal("the object changed while it was being fetched");
            default -> throw e;
        };
    }
}
