package dev.reelforge.core.transfer;

import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.asset.AssetStatus;
import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.asset.PromoteOutput;
import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.url.FetchableUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Carries out one transfer: fetches its URL through the address guard ({@link SourceFetcher}, bounded in size) and
 * hosts the file as its asset, {@code importing} then {@code ready} with its CDN URL and size, or {@code failed} with
 * the reason when the URL is refused, unreachable or too large. Deliveries come at least once:
 * <ul>
 *   <li>an asset that is not {@code importing} any more is finished: a repeat does nothing;</li>
 *   <li>an asset still {@code importing} is fetched (again: a retry of a delivery that did not finish);</li>
 *   <li>a copy that lands after its asset was deleted or failed (the sweeper, a DELETE) is removed again, unless a
 *       concurrent delivery made it ready with the same file.</li>
 * </ul>
 * An outage (S3 failing) throws, leaving the asset {@code importing} for the redelivery; the asset sweeper fails one
 * that never finishes.
 */
public final class TransferAsset {

    private final Assets assets;
    private final SourceFetcher fetcher;
    private final TransferredFiles files;
    private final PromoteOutput.Hosting hosting;
    private final Path workDirectory;
    private final Clock clock;

    public TransferAsset(Assets assets, SourceFetcher fetcher, TransferredFiles files, PromoteOutput.Hosting hosting,
            Path workDirectory, Clock clock) {
        this.assets = assets;
        this.fetcher = fetcher;
        this.files = files;
        this.hosting = hosting;
        this.workDirectory = workDirectory;
        this.clock = clock;
    }

    public TransferAssetResult transfer(TransferAssetCommand command) {
        Optional<Asset> found = assets.find(command.owner(), command.assetId());
        if (found.isEmpty()) {
            return new TransferAssetResult.NotFound(command.owner(), command.assetId());
        }
        Asset asset = found.get();
        if (asset.status() != AssetStatus.IMPORTING) {
            return new TransferAssetResult.AlreadyFinished(asset);
        }
        if (FetchableUrl.read(command.url(), RequestTransfer.SCHEMES) instanceof FetchableUrl.Reading.Refused refused) {
            String error = "the file could not be fetched: the URL " + refused.problem();
            return assets.markFailed(asset.owner(), asset.id(), error, clock.instant())
                    ? new TransferAssetResult.Failed(current(asset))
                    : new TransferAssetResult.AlreadyFinished(current(asset));
        }
        Path directory = scratchDirectory();
        try {
            Path target = directory.resolve("file");
            return switch (fetcher.fetch(URI.create(command.url()), target)) {
                case SourceFetcher.FetchResult.Refused refused -> {
                    String error = "the file could not be fetched: " + refused.reason();
                    yield assets.markFailed(asset.owner(), asset.id(), error, clock.instant())
                            ? new TransferAssetResult.Failed(current(asset))
                            : new TransferAssetResult.AlreadyFinished(current(asset));
                }
                case SourceFetcher.FetchResult.Fetched fetched -> host(asset, fetched);
            };
        } finally {
            deleteQuietly(directory.resolve("file"));
            deleteQuietly(directory);
        }
    }

    private TransferAssetResult host(Asset asset, SourceFetcher.FetchResult.Fetched fetched) {
        files.store(fetched.file(), asset.owner(), asset.filename());
        String url = hosting.cdnUrl() + "/" + asset.owner() + "/" + asset.filename();
        if (assets.markReady(asset.owner(), asset.id(), url, Optional.of(fetched.bytes()), clock.instant())) {
            return new TransferAssetResult.Transferred(current(asset));
        }
        Asset finished = current(asset);
        if (finished.status() == AssetStatus.READY) {
            return new TransferAssetResult.AlreadyFinished(finished);
        }
        files.remove(asset.owner(), asset.filename());
        return new TransferAssetResult.Discarded(finished);
    }

    private Asset current(Asset asset) {
        return assets.find(asset.owner(), asset.id()).orElseThrow(() -> new IllegalStateException(
                "asset " + asset.id() + " of " + asset.owner() + " vanished; assets are never removed"));
    }

    private Path scratchDirectory() {
        try {
            Files.createDirectories(workDirectory);
            return Files.createTempDirectory(workDirectory, "transfer-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch directory in " + workDirectory, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: the scratch space is the function's /tmp
        }
    }
}
