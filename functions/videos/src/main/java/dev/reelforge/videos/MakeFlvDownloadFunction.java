package dev.reelforge.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.reelforge.aws.cloudfront.CloudFrontSignedUrls;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3Downloads;
import dev.reelforge.aws.secretsmanager.SigningKeySecret;
import dev.reelforge.core.video.VideoAssets;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.PrepareDownloadable;
import dev.reelforge.core.video.download.PrepareDownloadableResult;
import dev.reelforge.media.FfmpegFlvRemuxer;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The downloadables table's stream, filtered to pending FLV downloadables (template.yaml): makes an FLV of the video's
 * hosted MP4 with ffmpeg ({@code FFMPEG}: the layer's static build on AWS, the bundled one on the embedded stack, as
 * for the render worker), uploads it to the temporary bucket and makes it available with a signed URL. Never driven
 * by the API request, which only writes the record. A failure that may pass is retried by Lambda; a file ffmpeg
 * cannot make fails the downloadable.
 */
public final class MakeFlvDownloadFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /**
     * The remux copies streams, seconds for a long video; re-encoding one FLV cannot hold takes longer. Within the
     * function's 10 minutes, with time left to fetch the video and upload the FLV.
     */
    private static final Duration FFMPEG_TIMEOUT = Duration.ofMinutes(7);

    private final PrepareDownloadable prepareDownloadable;

    public MakeFlvDownloadFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public MakeFlvDownloadFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public MakeFlvDownloadFunction(PrepareDownloadable prepareDownloadable) {
        this.prepareDownloadable = prepareDownloadable;
    }

    private static PrepareDownloadable wire(FunctionEnvironment environment) {
        Path workDirectory = environment.optional("WORK_DIRECTORY").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge"));
        DynamoDbTables tables = DynamoDbTables.of(environment);
        S3Downloads downloads = S3Buckets.of(environment).downloads();
        FlvDownloadMaker maker = new FlvDownloadMaker(downloads,
                new FfmpegFlvRemuxer(Path.of(environment.required("FFMPEG")), FFMPEG_TIMEOUT), workDirectory);
        return new PrepareDownloadable(DownloadFormat.FLV, new VideoAssets(tables.assets()), tables.downloadables(),
                maker, downloads, CloudFrontSignedUrls.of(environment, SigningKeySecret.read(environment)),
                environment.clock(), DownloadLifetime.of(environment));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> DownloadableRecords.commandOf(record)
                .ifPresent(command -> {
                    long started = System.nanoTime();
                    PrepareDownloadableResult result = prepareDownloadable.prepare(command);
                    DownloadLog.prepared(log, command.key(), command.generation(), result,
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                }));
    }
}
