package dev.reelforge.core.pipeline;

import dev.reelforge.core.plan.RenderPlan;
import java.nio.file.Path;
import java.util.Map;

/**
 * Composes a plan into one file: for a video or audio output, a high-quality intermediate for the encoder
 * to encode; for an image output, the final image.
 */
public interface Composer {

    /**
     * @param sources   the local file of each {@link dev.reelforge.core.plan.SourceFile}, by its index
     * @param directory where to write; the returned file is inside it
     * @throws CompositionFailedException when the composition cannot be made
     */
    Composition compose(RenderPlan plan, Map<Integer, Path> sources, Path directory);

    /** The composed file and its MIME type. */
    record Composition(Path file, String contentType) {}
}
