package dev.reelforge.core.video.download;

import dev.reelforge.core.render.FailStuckRenders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guarantee that no downloadable stays {@code pending} forever, whatever was lost (a stream record whose retries
 * ran out, a function that timed out): one still pending longer than the patience after it was requested is failed,
 * so GET shows it {@code unavailable} and the next POST starts a new generation. A function still making its file
 * then finds it failed and deletes the file ({@link PrepareDownloadable}).
 */
public final class FailStuckDownloadables {

    /** How many downloadables one sweep looks at; the next sweep takes the rest. */
    static final int BATCH = 100;

    private final Downloadables downloadables;
    private final Clock clock;

    public FailStuckDownloadables(Downloadables downloadables, Clock clock) {
        this.downloadables = downloadables;
        this.clock = clock;
    }

    public FailStuckDownloadablesResult sweep(FailStuckDownloadablesCommand command) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(command.patience());
        String error = "the file was not made within " + FailStuckRenders.spoken(command.patience())
                + " of the request, so the request was given up";
        List<DownloadableKey> failed = new ArrayList<>();
        for (DownloadableKey stuck : downloadables.pendingSince(cutoff, BATCH)) {
            // the index is eventually consistent: the record itself says whether it is still that stuck generation
            Optional<Downloadable> current = downloadables.find(stuck)
                    .filter(downloadable -> downloadable.status() == DownloadableStatus.PENDING)
                    .filter(downloadable -> downloadable.requested().isBefore(cutoff));
            if (current.isPresent() && downloadables.markFailed(stuck, current.get().generation(), error, now)) {
                failed.add(stuck);
            }
        }
        return new FailStuckDownloadablesResult(failed);
    }
}
