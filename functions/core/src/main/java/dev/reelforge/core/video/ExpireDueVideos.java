package dev.reelforge.core.video;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.asset.DeleteAsset;
import dev.reelforge.core.asset.DeleteAssetCommand;
import dev.reelforge.core.asset.DeleteAssetResult;
import dev.reelforge.core.callback.CallbackPayload;
import dev.reelforge.core.callback.DispatchCallback;
import dev.reelforge.core.callback.DispatchCallbackCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Deletes the videos whose expiration time has come (run every minute, so within a minute of their time), each in
 * steps that are safe to repeat, since a sweep may stop anywhere and the next one carries on:
 * <ol>
 *   <li>the video is claimed ({@link Videos#claimExpiration}): checked due again, read consistently, and from then
 *       on its rule no longer changes; the time of the first claim is kept;</li>
 *   <li>its asset is deleted exactly as the Serve API deletes one ({@link DeleteAsset}); the hosting flow then
 *       removes the file and invalidates the CDN;</li>
 *   <li>when the asset was deleted by the expiration (at or after the claim) and the render asked for a callback, an
 *       {@code expire} callback is dispatched ({@link DispatchCallback}, one delivery however often);</li>
 *   <li>the video leaves the sweep's index and its channel's listing.</li>
 * </ol>
 * A video whose asset was deleted otherwise before its time came (through the Serve API) is only unlisted: its
 * owner deleted it, it did not expire.
 */
public final class ExpireDueVideos {

    private final Videos videos;
    private final Assets assets;
    private final DeleteAsset deleteAsset;
    private final DispatchCallback dispatchCallback;
    private final Clock clock;

    public ExpireDueVideos(Videos videos, Assets assets, DispatchCallback dispatchCallback, Clock clock) {
        this.videos = videos;
        this.assets = assets;
        this.deleteAsset = new DeleteAsset(assets, clock);
        this.dispatchCallback = dispatchCallback;
        this.clock = clock;
    }

    public ExpireDueVideosResult expire(ExpireDueVideosCommand command) {
        Instant now = clock.instant();
        List<UUID> due = videos.dueBy(now, command.limit());
        List<Outcome> outcomes = new ArrayList<>();
        // Each video's expiration is independent and safe to repeat, and mostly waiting on the table: run several at
        // once, so a large batch still ends well within the minute.
        try (ExecutorService workers = Executors.newFixedThreadPool(Math.min(command.parallelism(),
                Math.max(1, due.size())))) {
            List<Future<Outcome>> running = due.stream().map(id -> workers.submit(() -> expireOne(id, now))).toList();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the expiration sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an expiration ended without an outcome", e.getCause());
        }
        List<UUID> expired = new ArrayList<>();
        List<UUID> alreadyGone = new ArrayList<>();
        List<UUID> kept = new ArrayList<>();
        List<ExpireDueVideosResult.Failure> failed = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case Outcome.Expired(UUID id) -> expired.add(id);
                case Outcome.AlreadyGone(UUID id) -> alreadyGone.add(id);
                case Outcome.Kept(UUID id) -> kept.add(id);
                case Outcome.Failed(UUID id, RuntimeException cause) ->
                        failed.add(new ExpireDueVideosResult.Failure(id, cause));
            }
        }
        return new ExpireDueVideosResult(expired, alreadyGone, kept, failed);
    }

    /** What became of one due video. */
    private sealed interface Outcome {
        record Expired(UUID id) implements Outcome {}

        record AlreadyGone(UUID id) implements Outcome {}

        record Kept(UUID id) implements Outcome {}

        record Failed(UUID id, RuntimeException cause) implements Outcome {}
    }

    private Outcome expireOne(UUID id, Instant now) {
        try {
            Optional<Instant> claimed = videos.claimExpiration(id, now);
            if (claimed.isEmpty()) {
                return new Outcome.Kept(id);
            }
            return expireClaimed(id, claimed.get()) ? new Outcome.Expired(id) : new Outcome.AlreadyGone(id);
        } catch (RuntimeException e) {
            return new Outcome.Failed(id, e);
        }
    }

    /** True when the expiration deleted the video's asset (in this sweep or in one that stopped halfway). */
    private boolean expireClaimed(UUID id, Instant claimed) {
        Video video = videos.find(id).orElseThrow(() -> new IllegalStateException(
                "video " + id + " vanished after its claim; videos are never removed"));
        DeleteAssetResult deletion = deleteAsset.delete(
                new DeleteAssetCommand(video.owner(), video.environment(), id));
        Optional<Asset> asset = assets.find(video.owner(), id);
        boolean byExpiration = deletion instanceof DeleteAssetResult.Deleted
                || asset.filter(deleted -> deleted.status() == AssetStatus.DELETED
                        && !deleted.updated().isBefore(claimed)).isPresent();
        if (byExpiration) {
            dispatchCallback.dispatch(new DispatchCallbackCommand(video.owner(), video.renderId(), Optional.of(id),
                    CallbackPayload.Expiration.DISPATCH_STATUS));
        }
        videos.finishExpiration(id);
        return byExpiration;
    }
}
