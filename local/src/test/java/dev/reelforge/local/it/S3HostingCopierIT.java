package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.aws.s3.S3HostingCopier;
import dev.reelforge.core.asset.HostingCopier.CopyOutcome;
import dev.reelforge.core.asset.HostingCopyFailedException;
import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.LocalStack;
import java.net.URI;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * The copy into the hosting bucket against S3Proxy, which implements CopyObject and the multipart copy
 * (CreateMultipartUpload, UploadPartCopy with byte ranges, CompleteMultipartUpload, AbortMultipartUpload):
 * small and large outputs arrive byte-identical with their content type, a missing output is told apart
 * from an outage, and a multipart copy that fails leaves neither a file nor an unfinished upload.
 */
class S3HostingCopierIT {

    /** Small parts, so that a 13 MiB file is three parts (5, 5 and 3 MiB), the last shorter, as S3 allows. */
    private static final S3HostingCopier.Multipart SMALL_PARTS = new S3HostingCopier.Multipart(8 << 20, 5 << 20, 2);

    private static LocalStack stack;
    private static S3Client s3;
    private static String tempBucket;
    private static String hostingBucket;

    @BeforeAll
    static void connect() {
        stack = SharedStack.get();
        s3 = stack.services().s3();
        tempBucket = stack.function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        hostingBucket = stack.function("PromoteOutputFunction").definition().environment().get("HOSTING_BUCKET");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String output(byte[] content, String contentType) {
        String key = "renders/copierit/" + UUID.randomUUID() + ".mp4";
        s3.putObject(put -> put.bucket(tempBucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
        return key;
    }

    private static byte[] hosted(String owner, String filename) {
        return s3.getObjectAsBytes(get -> get.bucket(hostingBucket).key(S3HostedFiles.key(owner, filename))).asByteArray();
    }

    private static HeadObjectResponse hostedHead(String owner, String filename) {
        return s3.headObject(head -> head.bucket(hostingBucket).key(S3HostedFiles.key(owner, filename)));
    }

    private static boolean isHosted(String owner, String filename) {
        try {
            hostedHead(owner, filename);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Test
    void aFileAboveTheThresholdIsCopiedInPartsByteIdenticalWithItsContentType() {
        byte[] content = randomBytes(13 << 20);
        String key = output(content, "video/mp4");
        String filename = UUID.randomUUID() + ".mp4";

        CopyOutcome outcome = new S3HostingCopier(s3, hostingBucket, SMALL_PARTS).copy(tempBucket, key, "copierit", filename);

        assertThat(outcome).isEqualTo(new CopyOutcome.Copied(content.length, "video/mp4"));
        assertThat(hosted("copierit", filename)).isEqualTo(content);
        HeadObjectResponse head = hostedHead("copierit", filename);
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.eTag()).as("S3's ETag of a multipart object counts its parts").endsWith("-3\"");
        assertThat(s3.listMultipartUploads(list -> list.bucket(hostingBucket).prefix("copierit/")).uploads()).isEmpty();
    }

    @Test
    void aFileBelowTheThresholdIsCopiedWholeWithItsContentTypeAndTheHostingCacheControl() {
        byte[] content = randomBytes(300_000);
        String key = output(content, "image/jpeg");
        String filename = UUID.randomUUID() + "-poster.jpg";

        CopyOutcome outcome = new S3HostingCopier(s3, hostingBucket, SMALL_PARTS).copy(tempBucket, key, "copierit", filename);

        assertThat(outcome).isEqualTo(new CopyOutcome.Copied(content.length, "image/jpeg"));
        assertThat(hosted("copierit", filename)).isEqualTo(content);
        HeadObjectResponse head = hostedHead("copierit", filename);
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.cacheControl()).isEqualTo("public, max-age=86400");
        assertThat(head.eTag()).doesNotContain("-");
    }

    @Test
    void copyingAgainReplacesTheCopyWithTheSameBytes() {
        byte[] content = randomBytes(11 << 20);
        String key = output(content, "video/mp4");
        String filename = UUID.randomUUID() + ".mp4";
        S3HostingCopier copier = new S3HostingCopier(s3, hostingBucket, SMALL_PARTS);

        copier.copy(tempBucket, key, "copierit", filename);
        copier.copy(tempBucket, key, "copierit", filename);

        assertThat(hosted("copierit", filename)).isEqualTo(content);
    }

    @Test
    void aMissingOutputIsSourceMissingAndCopiesNothing() {
        String key = "renders/copierit/" + UUID.randomUUID() + ".mp4";
        String filename = UUID.randomUUID() + ".mp4";

        CopyOutcome outcome = new S3HostingCopier(s3, hostingBucket).copy(tempBucket, key, "copierit", filename);

        assertThat(outcome).isEqualTo(new CopyOutcome.SourceMissing(tempBucket, key));
        assertThat(isHosted("copierit", filename)).isFalse();
    }

    @Test
    void unreachableStorageIsAFailureToRetry() {
        try (S3Client nowhere = LocalClients.s3(URI.create("http://127.0.0.1:1"))) {
            assertThatThrownBy(() -> new S3HostingCopier(nowhere, hostingBucket)
                    .copy(tempBucket, "renders/copierit/x.mp4", "copierit", "x.mp4"))
                    .isInstanceOf(HostingCopyFailedException.class)
                    .hasCauseInstanceOf(SdkClientException.class)
                    .hasMessageContaining("renders/copierit/x.mp4");
        }
    }

    @Test
    void unfinishedUploadsAreListed() {
        String upload = s3.createMultipartUpload(create -> create.bucket(hostingBucket).key("copierit/unfinished.mp4"))
                .uploadId();

        assertThat(s3.listMultipartUploads(list -> list.bucket(hostingBucket).prefix("copierit/unfinished")).uploads())
                .as("what the abort test relies on").hasSize(1);
        s3.abortMultipartUpload(abort -> abort.bucket(hostingBucket).key("copierit/unfinished.mp4").uploadId(upload));
    }

    @Test
    void aMultipartCopyWhosePartFailsIsAbortedAndLeavesNoFile() {
        byte[] content = randomBytes(13 << 20);
        String key = output(content, "video/mp4");
        String filename = UUID.randomUUID() + ".mp4";
        FailingSecondPartCopy failure = new FailingSecondPartCopy();
        try (S3Client failing = S3Client.builder()
                .endpointOverride(stack.services().endpoints().s3())
                .region(s3.serviceClientConfiguration().region())
                .credentialsProvider(LocalCredentials.provider())
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(failure))
                .build()) {
            assertThatThrownBy(() -> new S3HostingCopier(failing, hostingBucket, SMALL_PARTS)
                    .copy(tempBucket, key, "copierit", filename))
                    .isInstanceOf(HostingCopyFailedException.class);
        }

        assertThat(failure.partCopies.get()).isGreaterThanOrEqualTo(2);
        assertThat(isHosted("copierit", filename)).isFalse();
        assertThat(s3.listMultipartUploads(list -> list.bucket(hostingBucket).prefix("copierit/" + filename))
                .uploads()).as("aborted").isEmpty();
    }

    /** A fault S3Proxy cannot be made to produce: the second part copy (and its retries) fail before being sent. */
    private static final class FailingSecondPartCopy implements ExecutionInterceptor {

        final AtomicInteger partCopies = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof UploadPartCopyRequest part && part.partNumber() == 2) {
                partCopies.incrementAndGet();
                throw SdkClientException.create("connection reset copying part 2 (injected)");
            }
            if (context.request() instanceof UploadPartCopyRequest) {
                partCopies.incrementAndGet();
            }
        }
    }
}
