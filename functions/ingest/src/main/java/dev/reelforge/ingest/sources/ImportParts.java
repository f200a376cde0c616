package dev.reelforge.ingest.sources;

import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.mediaconvert.MediaConvertRenditionEncoder;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3SourceFiles;
import dev.reelforge.core.ingest.ImportSource;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.sources.GuardedSourceFetcher;
import dev.reelforge.sources.SourceLimits;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The import flow's wiring, which the stream's and the uploads' handlers share: {@code SOURCES_TABLE},
 * {@code ASSETS_TABLE}, {@code TEMP_BUCKET}, {@code HOSTING_BUCKET}, {@code CDN_URL}, {@code FFMPEG},
 * {@code MAX_SOURCE_BYTES} (fetches and uploads alike), {@code ALLOW_LOOPBACK_SOURCES}, {@code SOURCE_BUCKETS},
 * {@code MEDIACONVERT_ROLE_ARN}, {@code WORK_DIRECTORY}.
 */
final class ImportParts {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private ImportParts() {}

    static ImportSource importSource(FunctionEnvironment environment) {
        Path workDirectory = environment.optional("WORK_DIRECTORY").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge"));
        long maxBytes = environment.requiredWholeNumber("MAX_SOURCE_BYTES");
        S3Buckets buckets = S3Buckets.of(environment);
        DynamoDbTables tables = DynamoDbTables.of(environment);
        SourceLimits limits = new SourceLimits(maxBytes, Duration.ofSeconds(10), Duration.ofSeconds(30),
                environment.requiredFlag("ALLOW_LOOPBACK_SOURCES"), 5, environment.commaSeparated("SOURCE_BUCKETS"));
        return new ImportSource(tables.sources(), new GuardedSourceFetcher(limits, buckets.client()),
                S3SourceFiles.of(buckets, environment),
                new FfmpegMediaProbe(Path.of(environment.required("FFMPEG")), PROBE_TIMEOUT),
                MediaConvertRenditionEncoder.of(environment), tables.assets(), environment.required("AWS_REGION"),
                environment.clock(), workDirectory, maxBytes);
    }
}
