package dev.reelforge.core.project;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user describes a video as: a name (the intro title), a style, a quality, frames in order, at most one
 * music track, closing credits and a privacy. A draft may lack any of them; {@link RenderReadiness} says what a
 * render needs.
 */
public record Project(Optional<String> name, Optional<String> style, ProjectQuality quality, List<Frame> frames,
        Optional<MusicTrack> music, List<Credit> credits, Privacy privacy) {

    public Project {
        Objects.requireNonNull(name);
        Objects.requireNonNull(style);
        Objects.requireNonNull(quality);
        frames = List.copyOf(frames);
        Objects.requireNonNull(music);
        credits = List.copyOf(credits);
        Objects.requireNonNull(privacy);
    }

    /** A new draft: only a name, Picovico's default quality, public. */
    public static Project draft(Optional<String> name) {
        return new Project(name, Optional.empty(), ProjectQuality.DEFAULT, List.of(), Optional.empty(), List.of(),
                Privacy.PUBLIC);
    }

    /** This project with every field the update names replaced; assets replace both frames and music. */
    public Project with(ProjectUpdate update) {
        return new Project(update.name().isPresent() ? update.name() : name,
                update.style().isPresent() ? update.style() : style,
                update.quality().orElse(quality),
                update.assets().map(ProjectUpdate.Assets::frames).orElse(frames),
                update.assets().isPresent() ? update.assets().get().music() : music,
                update.credits().orElse(credits),
                update.privacy().orElse(privacy));
    }

    public List<Frame.Image> imageFrames() {
        return frames.stream().filter(Frame.Image.class::isInstance).map(Frame.Image.class::cast).toList();
    }
}
