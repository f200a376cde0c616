package dev.reelforge.local.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy's filesystem store with the embedded stack's hook on object creation. After a PutObject, CopyObject
 * or CompleteMultipartUpload has written an object, its time (the file's modification time, which S3Proxy
 * reports as LastModified) is set from the stack's clock, and the creation is reported to a listener (which
 * delivers S3 event notifications). A new multipart upload's initiation time follows the clock the same way.
 * Deletes, parts and reads pass through untouched.
 */
public final class ObjectCreationHook extends ForwardingBlobStore implements ObjectWrites {

    /** The stub S3Proxy's front end keeps per multipart upload for this store: bookkeeping, not an object. */
    private static final String PROXY_UPLOAD_STUB_PREFIX = ".s3proxy-mpu-stub-";
    /**
     * The filesystem store's own stub of a multipart upload, {@code .mpus-<uploadId>-<key>-stub}, whose time it
     * reports as the upload's initiation (S3Proxy 4.1.0's {@code AbstractNio2BlobStore}).
     */
    private static final String STORE_UPLOAD_PREFIX = ".mpus-";

    private final Path root;
    private final Clock clock;
    private final Consumer<ObjectCreated> listener;
    /** Writes in progress, by bucket and key. */
    private final ConcurrentHashMap<String, Integer> writing = new ConcurrentHashMap<>();
    /** When each key was last written ({@link System#nanoTime}), kept until no mark can be older. */
    private final ConcurrentHashMap<String, Long> written = new ConcurrentHashMap<>();
    private final AtomicLong lastSequence = new AtomicLong();

    /**
     * @param root     the directory the filesystem store keeps its buckets in
     * @param listener told of every object created, on the thread of the request that created it (it must not
     *                 block)
     */
    public ObjectCreationHook(BlobStore filesystemStore, Path root, Clock clock, Consumer<ObjectCreated> listener) {
        super(filesystemStore);
        this.root = root;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream payload) {
        if (request.key().startsWith(PROXY_UPLOAD_STUB_PREFIX)) {
            return super.putBlob(request, payload);
        }
        Instant time;
        PutObjectResponse response;
        begin(request.bucket(), request.key());
        try {
            response = super.putBlob(request, payload);
            time = stamp(request.bucket(), request.key());
        } finally {
            end(request.bucket(), request.key());
        }
        report(request.bucket(), request.key(), ObjectCreated.Kind.PUT, time);
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        Instant time;
        CopyObjectResponse response;
        begin(request.destinationBucket(), request.destinationKey());
        try {
            response = super.copyBlob(request);
            time = stamp(request.destinationBucket(), request.destinationKey());
        } finally {
            end(request.destinationBucket(), request.destinationKey());
        }
        report(request.destinationBucket(), request.destinationKey(), ObjectCreated.Kind.COPY, time);
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        Instant time;
        CompleteMultipartUploadResponse response;
        begin(upload.containerName(), upload.blobName());
        try {
            response = super.completeMultipartUpload(upload, request);
            time = stamp(upload.containerName(), upload.blobName());
        } finally {
            end(upload.containerName(), upload.blobName());
        }
        report(upload.containerName(), upload.blobName(), ObjectCreated.Kind.COMPLETE_MULTIPART_UPLOAD, time);
        return response;
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        begin(request.bucket(), request.key());
        try {
            MultipartUpload upload = super.initiateMultipartUpload(request);
            stamp(request.bucket(), STORE_UPLOAD_PREFIX + upload.id() + "-" + request.key() + "-stub");
            return upload;
        } finally {
            end(request.bucket(), request.key());
        }
    }

    @Override
    public long mark() {
        long mark = System.nanoTime();
        // A key written before this mark shows its own time to any listing after it.
        written.values().removeIf(time -> time - mark < 0);
        return mark;
    }

    @Override
    public boolean writtenSince(long mark, String bucket, String key) {
        String id = bucket + "/" + key;
        Long last = written.get(id);
        return writing.containsKey(id) || (last != null && last - mark >= 0);
    }

    private void begin(String bucket, String key) {
        writing.merge(bucket + "/" + key, 1, Integer::sum);
    }

    private void end(String bucket, String key) {
        String id = bucket + "/" + key;
        // Recorded before the write stops counting as in progress, so it is never seen as neither.
        written.put(id, System.nanoTime());
        writing.computeIfPresent(id, (ignored, count) -> count == 1 ? null : count - 1);
    }

    /** Sets the time of what was just written under {@code name} to the clock's, and returns that time. */
    private Instant stamp(String bucket, String name) {
        // Milliseconds: what listings and event records carry, so both agree with the object.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (name.equals("/")) {
            return now;
        }
        Path file = root.resolve(bucket).resolve(name).normalize();
        try {
            Files.setLastModifiedTime(file, FileTime.from(now));
        } catch (NoSuchFileException deletedMeanwhile) {
            // nothing left to date
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the time of " + file, e);
        }
        return now;
    }

    private void report(String bucket, String key, ObjectCreated.Kind kind, Instant time) {
        HeadObjectResponse written;
        try {
            written = delegate().blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (RuntimeException deletedMeanwhile) {
            return;
        }
        String eTag = written.eTag() == null ? "" : written.eTag().replace("\"", "");
        long size = written.contentLength() == null ? 0 : written.contentLength();
        listener.accept(new ObjectCreated(bucket, key, kind, size, eTag, time, nextSequencer(time)));
    }

    /**
     * Hexadecimal and growing with every write, across restarts too: at least the clock's microseconds, which
     * only move forward.
     */
    private String nextSequencer(Instant time) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time);
        long next = lastSequence.updateAndGet(previous -> Math.max(previous + 1, micros));
        return String.format(Locale.ROOT, "%016X", next);
    }
}
