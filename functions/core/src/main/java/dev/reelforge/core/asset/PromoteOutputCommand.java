package dev.reelforge.core.asset;

import java.util.Objects;

/**
 * An object was created in the temporary bucket: {@code key} as stored (not URL-encoded), e.g.
 * {@code renders/{owner}/{renderId}.mp4}.
 */
public record PromoteOutputCommand(String bucket, String key) {

    public PromoteOutputCommand {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
