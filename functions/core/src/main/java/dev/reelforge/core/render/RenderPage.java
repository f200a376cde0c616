package dev.reelforge.core.render;

import java.util.List;
import java.util.Optional;

/** One page of an owner's renders, newest first, and where the next page starts (empty after the last). */
public record RenderPage(List<RenderSummary> renders, Optional<RenderPosition> next) {

    public RenderPage {
        renders = List.copyOf(renders);
    }
}
