package dev.reelforge.core.plan;

import dev.reelforge.core.media.MediaInfo;
import java.net.URI;

/** A source the plan reads, by its position in {@link RenderPlan#sources()}. */
public record SourceFile(int index, URI src, MediaInfo info) {}
