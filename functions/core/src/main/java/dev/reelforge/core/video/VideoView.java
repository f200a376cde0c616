package dev.reelforge.core.video;

import java.util.Objects;
import java.util.Optional;

/**
 * A video with what is read next to it to describe it: its length in seconds (the record's, or the render's once it
 * reported one; empty while neither knows) and its thumbnail's CDN address (the render's hosted thumbnail, else its
 * poster; empty when it has neither ready).
 */
public record VideoView(Video video, Optional<String> length, Optional<String> thumbnail) {

    public VideoView {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(thumbnail, "thumbnail");
    }
}
