package dev.reelforge.core.pipeline;

import dev.reelforge.core.media.MediaInfo;
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
     * @param stop      asked about once a second while the composition runs; when it says stop, the composer ends
     *                  its work at once
     * @throws CompositionFailedException  when the composition cannot be made
     * @throws CompositionStoppedException when {@code stop} asked it to give up
     */
    Composition compose(RenderPlan plan, Map<Integer, Path> sources, Path directory, StopCheck stop);

    /** A composition that is never stopped early. */
    default Composition compose(RenderPlan plan, Map<Integer, Path> sources, Path directory) {
        return compose(plan, sources, directory, StopCheck.NEVER);
    }

    /**
     * What {@link #stream} writes for a video plan: the intermediate in a form that needs no seeking and costs next
     * to nothing to write or read, as a probe of it would describe it.
     */
    MediaInfo streamed(RenderPlan plan);

    /**
     * Composes a video plan into {@code pipe} (an {@link IntermediatePipes} pipe an encoding job reads as it is
     * written), as {@link #streamed} describes, returning once all of it is written.
     *
     * @param directory where the composer keeps its own files while it runs
     * @throws CompositionFailedException  when the composition cannot be made, or its reader went away
     * @throws CompositionStoppedException when {@code stop} asked it to give up
     */
    void stream(RenderPlan plan, Map<Integer, Path> sources, Path directory, Path pipe, StopCheck stop);

    /** The composed file and its MIME type. */
    record Composition(Path file, String contentType) {}
}
