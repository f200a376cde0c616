package dev.reelforge.core.transfer;

import java.util.Objects;
import java.util.UUID;

/** Fetch and host the file of one transfer: the asset (owner, id) and the URL recorded with it. */
public record TransferAssetCommand(String owner, UUID assetId, String url) {

    public TransferAssetCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(url, "url");
    }
}
