package dev.reelforge.aws.s3;

import dev.reelforge.core.asset.HostingCopyFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * One object copied server side (no byte passes through the function), as hosting and the downloadables copy: HeadObject
 * first gives the size, the content type and the ETag; below {@link S3HostingCopier.Multipart#threshold()} one
 * CopyObject copies the object, at or above it a multipart copy copies byte ranges as parts,
 * {@link S3HostingCopier.Multipart#parallelParts()} at a time. Every part and every copy is conditional on the
 * source's ETag, so an object replaced halfway is never stitched from two versions; a multipart copy that fails is
 * aborted. The copy gets the headers of its {@link Target} (the source's content type unless it names one). Failures
 * of the SDK or S3 are thrown as they come (a missing source is S3's 404).
 */
final class S3ServerSideCopy {

    /** Where the copy goes and the headers it is served with. */
    record Target(String bucket, String key, Optional<String> contentType, Optional<String> cacheControl,
            Optional<String> contentDisposition) {}

    /** What was copied: its size and the content type the copy got. */
    record Copied(long size, String contentType) {}

    private final S3Client s3;
    private final S3HostingCopier.Multipart multipart;

    S3ServerSideCopy(S3Client s3, S3HostingCopier.Multipart multipart) {
        this.s3 = s3;
        this.multipart = multipart;
    }

    Copied copy(String bucket, String key, Target target) {
        HeadObjectResponse source = s3.headObject(head -> head.bucket(bucket).key(key));
        long size = source.contentLength();
        String contentType = target.contentType().orElse(source.contentType() == null
                ? S3HostingCopier.DEFAULT_CONTENT_TYPE : source.contentType());
        if (size < multipart.threshold()) {
            s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(key)
                    .copySourceIfMatch(source.eTag())
                    .destinationBucket(target.bucket()).destinationKey(target.key())
                    .metadataDirective(MetadataDirective.REPLACE)
                    .contentType(contentType)
                    .cacheControl(target.cacheControl().orElse(null))
                    .contentDisposition(target.contentDisposition().orElse(null)));
        } else {
            copyInParts(bucket, key, source.eTag(), size, target, contentType);
        }
        return new Copied(size, contentType);
    }

    private void copyInParts(String bucket, String key, String eTag, long size, Target target, String contentType) {
        String uploadId = s3.createMultipartUpload(create -> create.bucket(target.bucket()).key(target.key())
                .contentType(contentType)
                .cacheControl(target.cacheControl().orElse(null))
                .contentDisposition(target.contentDisposition().orElse(null))).uploadId();
        try {
            List<CompletedPart> parts = copyParts(bucket, key, eTag, size, target, uploadId);
            s3.completeMultipartUpload(complete -> complete.bucket(target.bucket()).key(target.key())
                    .uploadId(uploadId).multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(abort -> abort.bucket(target.bucket()).key(target.key()).uploadId(uploadId));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    private List<CompletedPart> copyParts(String bucket, String key, String eTag, long size, Target target,
            String uploadId) {
        long partSize = multipart.partSizeFor(size);
        int count = (int) ((size + partSize - 1) / partSize);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, multipart.parallelParts()));
        try {
            List<Future<CompletedPart>> copies = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                int partNumber = index + 1;
                long first = index * partSize;
                long last = Math.min(size, first + partSize) - 1;
                copies.add(pool.submit(() -> {
                    String partETag = s3.uploadPartCopy(part -> part.sourceBucket(bucket).sourceKey(key)
                                    .copySourceIfMatch(eTag)
                                    .copySourceRange("bytes=" + first + "-" + last)
                                    .destinationBucket(target.bucket()).destinationKey(target.key())
                                    .uploadId(uploadId).partNumber(partNumber))
                            .copyPartResult().eTag();
                    return CompletedPart.builder().partNumber(partNumber).eTag(partETag).build();
                }));
            }
            List<CompletedPart> parts = new ArrayList<>();
            for (Future<CompletedPart> copy : copies) {
                parts.add(copy.get());
            }
            parts.sort(Comparator.comparing(CompletedPart::partNumber));
            return parts;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("copying a part failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostingCopyFailedException("interrupted while copying parts to " + target.key(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
