package dev.reelforge.aws.s3;

import dev.reelforge.core.ingest.SourceFiles;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The Ingest API's files. An upload is PUT to the temporary bucket at {@code ingest/{owner}/{sourceId}} (its
 * lifecycle rule expires it; the import copies what it checked to the hosting bucket), through a URL that signs the
 * key only, as Shotstack's does, so {@code curl -X PUT -T file.mp4 <url>} works as their documentation says: its size
 * is bounded when it is imported, not when it is written. Stored files are the hosting bucket's
 * {@code {owner}/{filename}}, served by the CDN at the same path.
 */
public final class S3SourceFiles implements SourceFiles {

    /** Where uploads wait in the temporary bucket. */
    public static final String UPLOADS_PREFIX = "ingest/";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String temporaryBucket;
    private final String hostingBucket;
    private final URI cdnUrl;

    public S3SourceFiles(S3Client s3, S3Presigner presigner, String temporaryBucket, String hostingBucket, URI cdnUrl) {
        this.s3 = s3;
        this.presigner = presigner;
        this.temporaryBucket = temporaryBucket;
        this.hostingBucket = hostingBucket;
        this.cdnUrl = cdnUrl;
    }

    /** On the function's S3 client: {@code TEMP_BUCKET}, {@code HOSTING_BUCKET}, {@code CDN_URL}. */
    public static S3SourceFiles of(S3Buckets buckets, FunctionEnvironment environment) {
        return new S3SourceFiles(buckets.client(), buckets.presigner(), environment.required("TEMP_BUCKET"),
                environment.required("HOSTING_BUCKET"), environment.requiredUri("CDN_URL"));
    }

    /** The key an upload of the owner's source is written to. */
    public static String uploadKey(String owner, UUID sourceId) {
        return UPLOADS_PREFIX + owner + "/" + sourceId;
    }

    @Override
    public PresignedPut presignUpload(String owner, UUID sourceId, Duration lifetime) {
        var presigned = presigner.presignPutObject(request -> request.signatureDuration(lifetime)
                .putObjectRequest(put -> put.bucket(temporaryBucket).key(uploadKey(owner, sourceId))));
        return new PresignedPut(URI.create(presigned.url().toString()), presigned.expiration());
    }

    @Override
    public UploadedFile fetchUpload(String owner, UUID sourceId, Path target, long maxBytes) {
        String key = uploadKey(owner, sourceId);
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(temporaryBucket).key(key));
            if (head.contentLength() > maxBytes) {
                return new UploadedFile.TooLarge(head.contentLength());
            }
            try (ResponseInputStream<GetObjectResponse> object =
                    s3.getObject(get -> get.bucket(temporaryBucket).key(key))) {
                // at most one byte past the bound: a file replaced by a larger one since the HEAD is still refused
                Files.copy(new BoundedInputStream(object, maxBytes + 1), target, StandardCopyOption.REPLACE_EXISTING);
            }
            long bytes = Files.size(target);
            return bytes > maxBytes ? new UploadedFile.TooLarge(bytes) : new UploadedFile.Fetched(bytes);
        } catch (NoSuchKeyException gone) {
            return new UploadedFile.Missing();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new UploadedFile.Missing();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads at most {@code limit} bytes of {@code in}. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {

        private long left;

        BoundedInputStream(java.io.InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    @Override
    public void host(Path file, String owner, String filename, String mediaType) {
        s3.putObject(put -> put.bucket(hostingBucket).key(S3HostedFiles.key(owner, filename)).contentType(mediaType),
                RequestBody.fromFile(file));
    }

    @Override
    public String location(String owner, String name) {
        return "s3://" + hostingBucket + "/" + S3HostedFiles.key(owner, name);
    }

    @Override
    public String url(String owner, String filename) {
        String base = cdnUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + S3HostedFiles.key(owner, filename);
    }
}
