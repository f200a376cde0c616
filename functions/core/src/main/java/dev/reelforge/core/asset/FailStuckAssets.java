package dev.reelforge.core.asset;

import dev.reelforge.core.render.FailStuckRenders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The guarantee that no asset stays {@code importing} forever: whatever was lost (a delivery whose retries
 * ran out, a copy cut short by a timeout), an asset that has not moved for longer than the patience is
 * failed, and any part of its copy already in the hosting bucket is removed. A copy still running then
 * finds its asset failed and removes its file itself ({@link PromoteOutput}).
 */
public final class FailStuckAssets {

    /** How many assets one sweep looks at; the next sweep takes the rest. */
    static final int BATCH = 100;

    private final Assets assets;
    private final HostedFiles hostedFiles;
    private final Clock clock;

    public FailStuckAssets(Assets assets, HostedFiles hostedFiles, Clock clock) {
        this.assets = assets;
        this.hostedFiles = hostedFiles;
        this.clock = clock;
    }

    public FailStuckAssetsResult sweep(FailStuckAssetsCommand command) {
        Instant now = clock.instant();
        String error = "hosting did not finish: the copy made no progress for "
                + FailStuckRenders.spoken(command.patience()) + ", so it was stopped";
        List<AssetKey> failed = new ArrayList<>();
        for (AssetKey stuck : assets.importingSince(now.minus(command.patience()), BATCH)) {
            // Failed first: deleting first could remove the file of an asset that became ready meanwhile.
            if (assets.markFailed(stuck.owner(), stuck.id(), error, now)) {
                assets.find(stuck.owner(), stuck.id())
                        .ifPresent(asset -> hostedFiles.delete(asset.owner(), asset.filename()));
                failed.add(stuck);
            }
        }
        return new FailStuckAssetsResult(failed);
    }
}
