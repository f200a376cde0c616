package dev.reelforge.core.render;

import java.util.List;

/** The renders this sweep failed. */
public record FailStuckRendersResult(List<RenderKey> failed) {

    public FailStuckRendersResult {
        failed = List.copyOf(failed);
    }
}
