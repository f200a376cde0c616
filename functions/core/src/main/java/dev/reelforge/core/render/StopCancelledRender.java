package dev.reelforge.core.render;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.pipeline.EncodingJobs;
import dev.reelforge.core.pipeline.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pipeline's side of a cancel ({@link CancelRender} only marks the render): cancels the render's encoding job,
 * deletes the outputs it recorded from temporary storage, and deletes any asset whose hosting had begun (the
 * hosting flow then removes its file). It acts only on a render that is cancelled, as the store says now, whatever
 * the event that asked; everything it does may be repeated.
 *
 * <p>What races it is covered from the other side: a worker that records its job after the cancel cancels the job
 * itself (its record is refused); an output written after this ran is never hosted ({@code PromoteOutput} checks
 * the render, also after beginning an asset) and expires with the temporary bucket's lifecycle rule.
 */
public final class StopCancelledRender {

    private final Renders renders;
    private final EncodingJobs jobs;
    private final Storage storage;
    private final Assets assets;
    private final Clock clock;

    public StopCancelledRender(Renders renders, EncodingJobs jobs, Storage storage, Assets assets, Clock clock) {
        this.renders = renders;
        this.jobs = jobs;
        this.storage = storage;
        this.assets = assets;
        this.clock = clock;
    }

    public StopCancelledRenderResult stop(StopCancelledRenderCommand command) {
        RenderKey key = command.render();
        Optional<Render> render = renders.find(key.owner(), key.id());
        if (render.isEmpty()) {
            return new StopCancelledRenderResult.NotCancelled("render " + key.id() + " of " + key.owner()
                    + " does not exist");
        }
        if (!render.get().isCancelled()) {
            return new StopCancelledRenderResult.NotCancelled("render " + key.id() + " is "
                    + render.get().status().wireName() + ", not cancelled");
        }
        Optional<String> job = renders.jobOf(key);
        job.ifPresent(jobs::cancel);
        List<String> deleted = new ArrayList<>();
        renders.outputsOf(key).ifPresent(outputs -> Stream.of(Optional.of(outputs.file()), outputs.poster(),
                outputs.thumbnail()).flatMap(Optional::stream).forEach(output -> {
                    storage.delete(output);
                    deleted.add(output);
                }));
        int assetsDeleted = 0;
        for (Asset asset : assets.findForRender(key.owner(), key.id())) {
            if (asset.status() != AssetStatus.DELETED
                    && assets.markDeleted(asset.owner(), asset.id(), clock.instant())) {
                assetsDeleted++;
            }
        }
        return new StopCancelledRenderResult.Stopped(job, deleted, assetsDeleted);
    }
}
