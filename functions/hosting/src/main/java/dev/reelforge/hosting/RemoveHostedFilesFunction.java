package dev.reelforge.hosting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.core.asset.RemoveHostedFile;
import dev.reelforge.core.asset.RemoveHostedFileCommand;
import dev.reelforge.core.asset.RemoveHostedFileResult;
import dev.reelforge.core.video.download.RemoveDownloadables;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The assets table's stream, filtered to assets just deleted with their file due for removal (template.yaml):
 * removes each one's hosted file from the bucket and the CDN, and its downloadable copies (the Videos API's MP4 and
 * FLV files in the temporary bucket, their records marked removed). A removal that fails is retried by Lambda; one whose
 * retries ran out is finished by the asset sweeper.
 */
public final class RemoveHostedFilesFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final RemoveHostedFile removeHostedFile;

    public RemoveHostedFilesFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RemoveHostedFilesFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public RemoveHostedFilesFunction(RemoveHostedFile removeHostedFile) {
        this.removeHostedFile = removeHostedFile;
    }

    private static RemoveHostedFile wire(FunctionEnvironment environment) {
        DynamoDbTables tables = DynamoDbTables.of(environment);
        S3Buckets buckets = S3Buckets.of(environment);
        return new RemoveHostedFile(tables.assets(), CdnHostedFiles.of(buckets, environment),
                new RemoveDownloadables(tables.downloadables(), buckets.downloads(), environment.clock()),
                tables.videos());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> commandOf(record)
                .ifPresent(command -> logRemoved(log, removeHostedFile.remove(command))));
    }

    private static Optional<RemoveHostedFileCommand> commandOf(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null || !image.containsKey("owner") || !image.containsKey("id")) {
            return Optional.empty();
        }
        return Optional.of(new RemoveHostedFileCommand(image.get("owner").getS(), UUID.fromString(image.get("id").getS())));
    }

    /** {@code asset.file_removed}. */
    private static void logRemoved(StructuredLog log, RemoveHostedFileResult result) {
        switch (result) {
            case RemoveHostedFileResult.Removed removed -> log.event("asset.file_removed")
                    .owner(removed.asset().owner()).asset(removed.asset().id()).outcome("removed")
                    .field("filename", removed.filename()).info();
            case RemoveHostedFileResult.NotDeleted kept -> log.event("asset.file_removed")
                    .owner(kept.asset().owner()).asset(kept.asset().id()).outcome("not_deleted")
                    .field("status", kept.status().wireName()).info();
            case RemoveHostedFileResult.NotFound missing -> log.event("asset.file_removed")
                    .owner(missing.asset().owner()).asset(missing.asset().id()).outcome("not_found").info();
        }
    }
}
