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
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import java.time.Duration;

/**
 * The downloadables table's stream, filtered to pending MP4 downloadables (template.yaml): copies the video's hosted
 * file, server side, into the temporary bucket and makes it available with a signed URL of the temporary distribution.
 * The copy is the hosted file itself, so it is ready within about a second of the request. A copy that fails is
 * reported as a batch item failure and retried by Lambda; what is never finished, the stuck sweep fails.
 */
public final class PrepareMp4DownloadFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final PrepareDownloadable prepareDownloadable;

    public PrepareMp4DownloadFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public PrepareMp4DownloadFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public PrepareMp4DownloadFunction(PrepareDownloadable prepareDownloadable) {
        this.prepareDownloadable = prepareDownloadable;
    }

    private static PrepareDownloadable wire(FunctionEnvironment environment) {
        DynamoDbTables tables = DynamoDbTables.of(environment);
        S3Downloads downloads = S3Buckets.of(environment).downloads();
        return new PrepareDownloadable(DownloadFormat.MP4, new VideoAssets(tables.assets()), tables.downloadables(),
                downloads::copyHosted, downloads, CloudFrontSignedUrls.of(environment, SigningKeySecret.read(environment)),
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
