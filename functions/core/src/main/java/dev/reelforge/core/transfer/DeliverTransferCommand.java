package dev.reelforge.core.transfer;

import dev.reelforge.core.destination.S3Destination;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Deliver the file of a transfer's asset (owner, id) to the s3 destinations recorded with it. */
public record DeliverTransferCommand(String owner, UUID assetId, List<S3Destination> destinations) {

    public DeliverTransferCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(assetId, "assetId");
        destinations = List.copyOf(destinations);
    }
}
