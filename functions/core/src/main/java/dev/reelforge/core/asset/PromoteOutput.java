package dev.reelforge.core.asset;

import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.Renders;
import dev.reelforge.core.video.Video;
import dev.reelforge.core.video.VideoAssets;
import dev.reelforge.core.video.Videos;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Hosts one output of a render as it appears in the temporary bucket: copies it to the hosting bucket
 * behind the CDN and records its asset, {@code importing} then {@code ready} with its CDN URL (or
 * {@code failed} when the output is gone). Deliveries arrive at least once and in any order, so:
 *
 * <ul>
 *   <li>the asset's id is derived from the render and the filename, and {@link Assets#begin} creates it only
 *       once: a repeat finds it finished and does nothing, however late it comes (a deleted asset stays deleted);
 *   <li>an asset still {@code importing} is copied again: that is a retry of a copy that did not finish;
 *   <li>a copy that ends after its asset was deleted or failed is removed, so no hosted file outlives its asset;
 *   <li>an output of a cancelled render is not hosted. The render is read again once its asset exists, before the
 *       copy: a cancel that came in between has the asset deleted here, and one that comes after finds the asset
 *       and deletes it ({@link dev.reelforge.core.render.StopCancelledRender}), whose copy is then removed as above.
 * </ul>
 *
 * <p>Each output is an asset of its own: the render's file, its poster and thumbnail, and each rendition's file and
 * capture ({@code {renderId}-360.mp4}, {@code {renderId}-360-thumb.jpg}); a ready asset records the size the copy
 * reported.
 *
 * <p>A render's video file ({@code {renderId}.mp4}, not a rendition's) also becomes a video of the Videos API ({@link Videos}): its
 * record is added once its copy is made and before its asset is ready, with the size the copy reported and the
 * length the render reported if it is done by then (else the Videos API reads it from the render later). Adding is
 * conditional on no record existing, so a repeated delivery adds nothing, and a ready asset always has its video.
 *
 * <p>A copy that fails in a way that may pass throws {@link HostingCopyFailedException}, leaving the asset
 * {@code importing} for the redelivery; whatever is never redelivered, {@link FailStuckAssets} fails.
 */
public final class PromoteOutput {

    /** Where render outputs are written in the temporary bucket: {@code renders/{owner}/{file}}. */
    static final String OUTPUTS_PREFIX = "renders/";
    private static final int UUID_LENGTH = 36;

    /**
     * Where hosted files are served from.
     *
     * @param region where the hosting bucket is, recorded on each asset
     * @param cdnUrl the CDN's base URL ({@code https://d111111abcdef8.cloudfront.net}); a hosted file's URL is
     *               {@code cdnUrl/{owner}/{filename}}
     */
    public record Hosting(String region, String cdnUrl) {

        public Hosting {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(cdnUrl, "cdnUrl");
            cdnUrl = cdnUrl.endsWith("/") ? cdnUrl.substring(0, cdnUrl.length() - 1) : cdnUrl;
        }

        String urlOf(String owner, String filename) {
            return cdnUrl + "/" + owner + "/" + filename;
        }
    }

    private final Renders renders;
    private final Assets assets;
    private final HostingCopier copier;
    private final HostedFiles hostedFiles;
    private final Videos videos;
    private final Clock clock;
    private final Hosting hosting;

    public PromoteOutput(Renders renders, Assets assets, HostingCopier copier, HostedFiles hostedFiles, Videos videos,
            Clock clock, Hosting hosting) {
        this.renders = renders;
        this.assets = assets;
        this.copier = copier;
        this.hostedFiles = hostedFiles;
        this.videos = videos;
        this.clock = clock;
        this.hosting = hosting;
    }

    public PromoteOutputResult promote(PromoteOutputCommand command) {
        String key = command.key();
        Optional<RenderKey> named = renderOf(key);
        if (named.isEmpty()) {
            return new PromoteOutputResult.Ignored(key + " is not a render output (renders/{owner}/{renderId}...)");
        }
        RenderKey renderKey = named.get();
        Optional<Render> render = renders.find(renderKey.owner(), renderKey.id());
        if (render.isEmpty()) {
            return new PromoteOutputResult.Ignored(key + " belongs to no render of " + renderKey.owner());
        }
        Optional<RenderOutputs> outputs = renders.outputsOf(renderKey);
        if (outputs.isEmpty()) {
            return new PromoteOutputResult.Ignored("render " + renderKey.id() + " has no outputs recorded");
        }
        Optional<String> filename = outputs.get().hostedFilename(key);
        if (filename.isEmpty()) {
            return new PromoteOutputResult.Ignored(key + " is not one of the outputs of render " + renderKey.id());
        }
        if (!outputs.get().hosted()) {
            return new PromoteOutputResult.Skipped(renderKey.id(), filename.get());
        }
        if (render.get().isCancelled()) {
            return new PromoteOutputResult.Cancelled(renderKey.id(), filename.get());
        }
        Asset importing = Asset.importing(renderKey.owner(), render.get().environment(), hosting.region(),
                renderKey.id(), filename.get(), clock.instant());
        if (!assets.begin(importing)) {
            Asset existing = current(importing);
            if (existing.status() != AssetStatus.IMPORTING) {
                return new PromoteOutputResult.AlreadyFinished(existing);
            }
            importing = existing;
        }
        Optional<Render> current = renders.find(renderKey.owner(), renderKey.id());
        if (current.filter(Render::isCancelled).isPresent()) {
            assets.markDeleted(importing.owner(), importing.id(), clock.instant());
            return new PromoteOutputResult.Cancelled(renderKey.id(), filename.get());
        }
        return copy(command, importing, current.or(() -> render));
    }

    private PromoteOutputResult copy(PromoteOutputCommand command, Asset asset, Optional<Render> render) {
        String owner = asset.owner();
        switch (copier.copy(command.bucket(), command.key(), owner, asset.filename())) {
            case HostingCopier.CopyOutcome.SourceMissing missing -> {
                String error = asset.filename() + " could not be hosted: the render's output " + missing.key()
                        + " is no longer in temporary storage";
                return assets.markFailed(owner, asset.id(), error, clock.instant())
                        ? new PromoteOutputResult.Failed(current(asset))
                        : new PromoteOutputResult.AlreadyFinished(current(asset));
            }
            case HostingCopier.CopyOutcome.Copied copied -> {
                if (VideoAssets.isVideoFile(asset)) {
                    videos.add(Video.hosted(asset.id(), owner, asset.environment(), asset.renderId(),
                            asset.filename(), hosting.urlOf(owner, asset.filename()), copied.bytes(),
                            render.flatMap(Render::result).filter(result -> result.duration() > 0)
                                    .map(result -> Video.lengthOf(result.duration())),
                            clock.instant()));
                }
                if (assets.markReady(owner, asset.id(), hosting.urlOf(owner, asset.filename()),
                        Optional.of(copied.bytes()), clock.instant())) {
                    return new PromoteOutputResult.Promoted(current(asset));
                }
                Asset finished = current(asset);
                if (finished.status() == AssetStatus.READY) {
                    // a concurrent delivery made it ready with the same file: the copy is that file
                    return new PromoteOutputResult.AlreadyFinished(finished);
                }
                hostedFiles.delete(owner, asset.filename());
                if (VideoAssets.isVideoFile(asset)) {
                    videos.unlist(asset.id());
                }
                return new PromoteOutputResult.Discarded(finished);
            }
        }
    }

    private Asset current(Asset asset) {
        return assets.find(asset.owner(), asset.id()).orElseThrow(() -> new IllegalStateException(
                "asset " + asset.id() + " of " + asset.owner() + " vanished; assets are never removed"));
    }

    /** The render a key of {@code renders/{owner}/{renderId}...} names; empty for any other key. */
    public static Optional<RenderKey> renderOf(String key) {
        if (!key.startsWith(OUTPUTS_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(OUTPUTS_PREFIX.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].length() <= UUID_LENGTH) {
            return Optional.empty();
        }
        String id = parts[1].substring(0, UUID_LENGTH);
        char next = parts[1].charAt(UUID_LENGTH);
        if (next != '.' && next != '-') {
            return Optional.empty();
        }
        try {
            UUID renderId = UUID.fromString(id);
            return renderId.toString().equals(id) ? Optional.of(new RenderKey(parts[0], renderId)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
