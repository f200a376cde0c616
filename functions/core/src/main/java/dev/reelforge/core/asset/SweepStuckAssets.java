package dev.reelforge.core.asset;

import dev.reelforge.core.render.FailStuckRenders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The guarantee that no asset stops halfway, whatever was lost (a delivery whose retries ran out, a copy cut short
 * by a timeout, a stream record that expired):
 * <ul>
 *   <li>an asset still {@code importing} that has not moved for longer than the patience is failed, and any part of
 *       its copy already in the hosting bucket is removed (a copy still running then finds its asset failed and
 *       removes its file itself, {@link PromoteOutput});</li>
 *   <li>a deleted asset whose file is still due for removal {@link #REMOVAL_PATIENCE} after its deletion has it
 *       removed ({@link RemoveHostedFile} normally does it from the assets table's stream within seconds).</li>
 * </ul>
 */
public final class SweepStuckAssets {

    /** How many assets of each kind one sweep looks at; the next sweep takes the rest. */
    static final int BATCH = 100;
    /** Far beyond the stream's usual delay, short enough that a deleted file is not served for long. */
    static final Duration REMOVAL_PATIENCE = Duration.ofMinutes(10);

    private final Assets assets;
    private final HostedFiles hostedFiles;
    private final RemoveHostedFile removeHostedFile;
    private final Clock clock;

    public SweepStuckAssets(Assets assets, HostedFiles hostedFiles, AssetDownloads downloads, AssetListings listings,
            Clock clock) {
        this.assets = assets;
        this.hostedFiles = hostedFiles;
        this.removeHostedFile = new RemoveHostedFile(assets, hostedFiles, downloads, listings);
        this.clock = clock;
    }

    public SweepStuckAssetsResult sweep(SweepStuckAssetsCommand command) {
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
        List<AssetKey> removed = new ArrayList<>();
        for (AssetKey due : assets.removalDueSince(now.minus(REMOVAL_PATIENCE), BATCH)) {
            if (removeHostedFile.remove(new RemoveHostedFileCommand(due.owner(), due.id()))
                    instanceof RemoveHostedFileResult.Removed) {
                removed.add(due);
            }
        }
        return new SweepStuckAssetsResult(failed, removed);
    }
}
