package dev.reelforge.core.render;

import java.util.List;
import java.util.Optional;

public sealed interface StopCancelledRenderResult {

    /**
     * The render's encoding job (if it had one) is cancelled, its recorded outputs are deleted from temporary
     * storage and its assets (if any hosting had begun) are deleted; {@code assetsDeleted} counts those this call
     * deleted. Repeating it changes nothing.
     */
    record Stopped(Optional<String> jobId, List<String> outputsDeleted, int assetsDeleted)
            implements StopCancelledRenderResult {

        public Stopped {
            outputsDeleted = List.copyOf(outputsDeleted);
        }
    }

    /** The render was not cancelled (or does not exist): nothing of it is touched. */
    record NotCancelled(String reason) implements StopCancelledRenderResult {}
}
