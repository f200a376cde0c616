package dev.reelforge.uploads;

import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.dynamodb.DynamoDbUploads;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3UploadFiles;
import dev.reelforge.core.upload.UploadCheck;
import dev.reelforge.core.upload.UploadLimits;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.media.FfmpegStillDecoder;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.sources.GuardedSourceFetcher;
import dev.reelforge.sources.SourceLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The real parts the upload functions are wired from, read from a function's environment. */
record UploadParts(DynamoDbUploads uploads, S3Buckets buckets, S3UploadFiles files, FunctionEnvironment environment) {

    /** ffmpeg reads only a file's header to probe it; the bound is for files crafted to stall it. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    static UploadParts of(FunctionEnvironment environment) {
        S3Buckets buckets = S3Buckets.of(environment);
        return new UploadParts(DynamoDbTables.of(environment).uploads(), buckets,
                S3UploadFiles.of(buckets, environment), environment);
    }

    UploadCheck check() {
        Path ffmpeg = Path.of(environment.required("FFMPEG"));
        return new UploadCheck(new FfmpegMediaProbe(ffmpeg, PROBE_TIMEOUT), new FfmpegStillDecoder(ffmpeg, PROBE_TIMEOUT));
    }

    /**
     * The address guard edit sources go through, for a photo or music named by URL: public addresses only (loopback
     * where the deployment allows it, as the embedded stack does), at most 25 MB, no {@code s3://} bucket.
     */
    /** Where the CDN serves the hosting bucket ({@code CDN_URL}). */
    URI cdnUrl() {
        return environment.requiredUri("CDN_URL");
    }

    GuardedSourceFetcher fetcher() {
        SourceLimits limits = new SourceLimits(UploadLimits.MAX_BYTES, Duration.ofSeconds(5), Duration.ofSeconds(10),
                environment.requiredFlag("ALLOW_LOOPBACK_SOURCES"), 5, Set.of());
        return new GuardedSourceFetcher(limits, buckets.client());
    }

    Path workDirectory() {
        return environment.optional("WORK_DIRECTORY").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge"));
    }
}
