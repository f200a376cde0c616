package dev.reelforge.ingest.transfer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.dynamodb.DynamoDbTransfers;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.core.asset.PromoteOutput;
import dev.reelforge.core.transfer.TransferAsset;
import dev.reelforge.core.transfer.TransferAssetCommand;
import dev.reelforge.core.transfer.TransferAssetResult;
import dev.reelforge.runtime.BatchItemFailures;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.sources.GuardedSourceFetcher;
import dev.reelforge.sources.SourceLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Serve transfers' flow: the assets table's stream, filtered to new assets with a {@code transferUrl}
 * (template.yaml). Fetches each one's URL through the address guard (at most {@code MAX_TRANSFER_BYTES}) and hosts the
 * file as its asset ({@link TransferAsset}); a refused, unreachable or oversized URL fails the asset. An outage is a
 * batch item failure, retried by Lambda; a transfer that never finishes is failed by the asset sweeper.
 */
public final class HostTransfersFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final TransferAsset transferAsset;

    public HostTransfersFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public HostTransfersFunction(FunctionEnvironment environment) {
        this(wire(environment));
    }

    public HostTransfersFunction(TransferAsset transferAsset) {
        this.transferAsset = transferAsset;
    }

    private static TransferAsset wire(FunctionEnvironment environment) {
        S3Buckets buckets = S3Buckets.of(environment);
        SourceLimits limits = new SourceLimits(environment.requiredWholeNumber("MAX_TRANSFER_BYTES"),
                Duration.ofSeconds(10), Duration.ofSeconds(30), environment.requiredFlag("ALLOW_LOOPBACK_SOURCES"), 5,
                Set.of());
        return new TransferAsset(DynamoDbTables.of(environment).assets(),
                new GuardedSourceFetcher(limits, buckets.client()),
                new S3TransferredFiles(buckets.client(), environment.required("HOSTING_BUCKET")),
                new PromoteOutput.Hosting(environment.required("AWS_REGION"),
                        environment.requiredHttpUrl("CDN_URL").toString()),
                environment.optional("WORK_DIRECTORY").map(Path::of)
                        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge")),
                environment.clock());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return BatchItemFailures.ofStream(event, context, (record, log) -> commandOf(record)
                .ifPresent(command -> logTransfer(log, transferAsset.transfer(command))));
    }

    private static Optional<TransferAssetCommand> commandOf(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null || !image.containsKey("owner") || !image.containsKey("id")
                || !image.containsKey(DynamoDbTransfers.TRANSFER_URL)) {
            return Optional.empty();
        }
        return Optional.of(new TransferAssetCommand(image.get("owner").getS(), UUID.fromString(image.get("id").getS()),
                image.get(DynamoDbTransfers.TRANSFER_URL).getS()));
    }

    /** {@code asset.transferred}. */
    private static void logTransfer(StructuredLog log, TransferAssetResult result) {
        switch (result) {
            case TransferAssetResult.Transferred done -> log.event("asset.transferred").owner(done.asset().owner())
                    .asset(done.asset().id()).outcome("transferred").field("filename", done.asset().filename()).info();
            case TransferAssetResult.Failed failed -> log.event("asset.transferred").owner(failed.asset().owner())
                    .asset(failed.asset().id()).outcome("failed")
                    .field("error", failed.asset().error().orElse("")).warn();
            case TransferAssetResult.AlreadyFinished finished -> log.event("asset.transferred")
                    .owner(finished.asset().owner()).asset(finished.asset().id()).outcome("already_finished")
                    .field("status", finished.asset().status().wireName()).info();
            case TransferAssetResult.Discarded discarded -> log.event("asset.transferred")
                    .owner(discarded.asset().owner()).asset(discarded.asset().id()).outcome("discarded")
                    .field("status", discarded.asset().status().wireName()).info();
            case TransferAssetResult.NotFound missing -> log.event("asset.transferred").owner(missing.owner())
                    .asset(missing.assetId()).outcome("not_found").info();
        }
    }
}
