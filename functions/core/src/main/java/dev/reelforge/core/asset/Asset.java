package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A hosted copy of one output of a render (the video, image or audio file, its poster or thumbnail),
 * as the Serve API shows it. An asset belongs to its render's owner and environment. {@code filename}
 * names the file in the owner's part of the hosting bucket ({@code {renderId}.mp4},
 * {@code {renderId}-poster.jpg}); {@code url} is its CDN address once the copy is {@code ready}; a
 * {@code failed} asset has an {@code error}. A deleted asset keeps its record, with status {@code deleted}.
 * {@code size} is the hosted file's length in bytes, as the copy to the hosting bucket reported it, set when the
 * asset becomes ready (empty before, and for assets made ready before sizes were recorded).
 */
public record Asset(UUID id, String owner, Environment environment, String region, UUID renderId, String filename,
        Optional<String> url, AssetStatus status, Instant created, Instant updated, Optional<String> error,
        Optional<Long> size) {

    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(renderId, "renderId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(size, "size");
        if (filename.isBlank() || filename.contains("/")) {
            throw new IllegalArgumentException("a filename names one file, without a directory: " + filename);
        }
    }

    /** An asset whose size is not known (not ready yet). */
    public Asset(UUID id, String owner, Environment environment, String region, UUID renderId, String filename,
            Optional<String> url, AssetStatus status, Instant created, Instant updated, Optional<String> error) {
        this(id, owner, environment, region, renderId, filename, url, status, created, updated, error,
                Optional.empty());
    }

    /** A new asset for an output of a render, about to be copied to the hosting bucket; its id is {@link AssetId#of}. */
    public static Asset importing(String owner, Environment environment, String region, UUID renderId, String filename,
            Instant now) {
        return new Asset(AssetId.of(renderId, filename), owner, environment, region, renderId, filename,
                Optional.empty(), AssetStatus.IMPORTING, now, now, Optional.empty());
    }
}
