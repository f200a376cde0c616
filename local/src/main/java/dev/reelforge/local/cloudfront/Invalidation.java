package dev.reelforge.local.cloudfront;

import java.time.Instant;
import java.util.List;

/** A CreateInvalidation the emulator accepted: which paths of which distribution, when. */
public record Invalidation(String id, String distributionId, List<String> paths, String callerReference,
        Instant createTime) {

    public Invalidation {
        paths = List.copyOf(paths);
    }
}
