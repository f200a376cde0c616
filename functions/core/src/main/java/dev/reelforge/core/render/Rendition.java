package dev.reelforge.core.render;

import dev.reelforge.core.edit.model.Size;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One more copy of a render's video at another size, made by the same encoding job as the render's file (one
 * output each) with a frame capture of its own. Its files are named after it: {@code {renderId}-{name}.mp4} and
 * {@code {renderId}-{name}-thumb.jpg} once hosted.
 *
 * @param name a short label (Picovico's quality, {@code "360"}), letters and digits only: it is part of file names
 * @param size the rendition's frame size
 */
public record Rendition(String name, Size size) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]{1,16}");

    public Rendition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a rendition's name is 1 to 16 letters or digits: " + name);
        }
    }
}
