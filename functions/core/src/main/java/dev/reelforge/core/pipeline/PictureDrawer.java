package dev.reelforge.core.pipeline;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Size;
import java.nio.file.Path;

/**
 * Draws a picture an edit describes instead of linking ({@code shape}, {@code svg}) to a transparent PNG, which is
 * then probed and composed like a fetched image. A picture that cannot be drawn is {@code Refused} with a reason fit
 * to show the user.
 */
public interface PictureDrawer {

    /** For a worker wired without one. */
    PictureDrawer NONE = (picture, frame, target) ->
            new SourceFetcher.FetchResult.Refused("drawing pictures is not available in this worker");

    /** Draws {@code picture} into {@code target}; {@code frame} is the output's size (a shape's box by default). */
    SourceFetcher.FetchResult draw(Asset.Drawn picture, Size frame, Path target);
}
