package dev.reelforge.local.mediaconvert;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Writes a job's output files to S3, each with a presigned PUT. A presigned PUT sends its payload unsigned, so
 * neither this JVM nor S3Proxy hashes the file: the SDK's own upload over the local stack's plain HTTP signs every
 * chunk with SHA-256 and S3Proxy checks each, both at the pace of the stack's C1-only JIT, which has no SHA
 * intrinsics (about 180 MB/s: an 8.5 MB output took 78 ms against 33 ms; docs/PERFORMANCE.md). How MediaConvert
 * writes its outputs is its own affair; what lands in the bucket, and who may write there, is the same.
 */
final class OutputUploads implements AutoCloseable {

    /** Long enough for any output the emulator writes over loopback. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** Attempts at a PUT that gets no answer. */
    private static final int ATTEMPTS = 3;

    private final S3Client s3;
    private final S3Presigner presigner;

    /** Signs as {@code s3} does: its endpoint, region and credentials, buckets in the path. */
    OutputUploads(S3Client s3) {
        this.s3 = s3;
        S3ServiceClientConfiguration configuration = s3.serviceClientConfiguration();
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(configuration.region())
                .credentialsProvider(configuration.credentialsProvider())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        configuration.endpointOverride().ifPresent(builder::endpointOverride);
        this.presigner = builder.build();
    }

    /**
     * Stores {@code file} as {@code key} in {@code bucket}; fails the job as MediaConvert would when it cannot. Each
     * attempt has a connection of its own. S3Proxy sometimes closes the connection without an answer when it refuses
     * a body it has not read (about one PUT in nine to a missing bucket), so an attempt that gets no answer is made
     * again, and when none gets one, S3 is asked whether the bucket exists.
     */
    void put(Path file, String bucket, String key, String contentType) throws JobFailedException, InterruptedException {
        String location = "s3://" + bucket + "/" + key;
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(presigner.presignPutObject(put -> put
                            .signatureDuration(TIMEOUT)
                            .putObjectRequest(object -> object.bucket(bucket).key(key).contentType(contentType)))
                            .url().toURI())
                    .timeout(TIMEOUT)
                    .header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
        } catch (FileNotFoundException e) {
            throw new JobFailedException(JobFailedException.UNKNOWN, "Cannot write " + location + ": the output "
                    + file.getFileName() + " was not written");
        } catch (URISyntaxException e) {
            throw new JobFailedException(JobFailedException.UNKNOWN, "Cannot write " + location + ": " + e);
        }
        HttpResponse<String> answer = null;
        IOException unanswered = null;
        for (int attempt = 0; attempt < ATTEMPTS && answer == null; attempt++) {
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                unanswered = e;
            }
        }
        if (answer == null) {
            throw bucketExists(bucket)
                    ? new JobFailedException(JobFailedException.UNKNOWN, "Cannot write " + location + ": " + unanswered)
                    : missingBucket(location);
        }
        int status = answer.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status == 404 && answer.body().contains("<Code>NoSuchBucket</Code>")) {
            throw missingBucket(location);
        }
        throw new JobFailedException(status == 403 ? JobFailedException.PERMISSIONS
                : status == 404 ? JobFailedException.NOT_FOUND : JobFailedException.UNKNOWN,
                "Cannot write " + location + ": S3 answered " + status);
    }

    private boolean bucketExists(String bucket) {
        try {
            s3.headBucket(head -> head.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (SdkException e) {
            return true;
        }
    }

    private static JobFailedException missingBucket(String location) {
        return new JobFailedException(JobFailedException.NOT_FOUND, "File Open Error: cannot write " + location
                + ": the bucket does not exist");
    }

    @Override
    public void close() {
        presigner.close();
    }
}
