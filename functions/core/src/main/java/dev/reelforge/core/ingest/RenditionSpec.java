package dev.reelforge.core.ingest;

import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One rendition a source asks for, as checked: everything here is something the encoder makes (what it cannot
 * make yet is refused when the source is posted, naming the field).
 *
 * @param format           the file format
 * @param size             the frame size ({@code size} or {@code resolution}; one side of {@code size} scales the
 *                         other with the source); empty keeps the source's
 * @param fit              how the source fills {@code size}
 * @param quality          1 to 100; empty lets the encoder choose
 * @param fps              frames per second; empty keeps the source's
 * @param keyframeInterval frames between keyframes; empty lets the encoder choose
 * @param filename         the file's name without extension; empty names it after the rendition's id
 */
public record RenditionSpec(RenditionFormat format, Optional<RenditionSize> size, RenditionFit fit, OptionalInt quality,
        OptionalDouble fps, OptionalInt keyframeInterval, Optional<String> filename) {

    public RenditionSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(fps, "fps");
        Objects.requireNonNull(keyframeInterval, "keyframeInterval");
        Objects.requireNonNull(filename, "filename");
    }

    /** The frame of the rendition of a source with pictures; empty keeps the source's own. */
    public Optional<Size> frameFor(SourceMedia media) {
        return size.map(requested -> requested.frameFor(media));
    }
}
