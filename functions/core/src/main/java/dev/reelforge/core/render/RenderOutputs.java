package dev.reelforge.core.render;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files a render writes to the temporary bucket, by key, recorded before they are written; and whether
 * they are to be hosted ({@code false} when the edit excludes the hosting destination).
 *
 * <p>They are recorded because they cannot be told from their names alone: the encoder takes a frame at
 * {@code t} seconds as the second of two captures, so next to the poster {@code {id}-poster.0000001.jpg}
 * lies the video's first frame, {@code {id}-poster.0000000.jpg}, which is no output of the render.
 *
 * @param file       the deliverable ({@code renders/{owner}/{id}.mp4}, {@code .gif}, {@code .mp3}, {@code .png}, ...)
 * @param poster     the poster capture, when the edit asks for one
 * @param thumbnail  the thumbnail capture, when the edit asks for one
 * @param renditions the file and frame capture of each of the render's renditions ({@link Rendition}), made by the
 *                   same job as {@code file}
 */
public record RenderOutputs(String file, Optional<String> poster, Optional<String> thumbnail, boolean hosted,
        List<RenditionOutputs> renditions) {

    static final String POSTER_SUFFIX = "-poster";
    static final String THUMBNAIL_SUFFIX = "-thumb";

    /**
     * A rendition's outputs, by key: its video ({@code renders/{owner}/{id}-360.mp4}) and its frame capture
     * ({@code renders/{owner}/{id}-360-thumb.0000001.jpg}, numbered as the main file's captures are).
     */
    public record RenditionOutputs(String name, String file, String capture) {

        public RenditionOutputs {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(capture, "capture");
        }
    }

    public RenderOutputs {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(thumbnail, "thumbnail");
        renditions = List.copyOf(renditions);
    }

    /** The outputs of a render without renditions. */
    public RenderOutputs(String file, Optional<String> poster, Optional<String> thumbnail, boolean hosted) {
        this(file, poster, thumbnail, hosted, List.of());
    }

    /**
     * The name the output stored at {@code key} is hosted under: the deliverable keeps its own
     * ({@code {id}.mp4}), the captures lose the encoder's capture number ({@code {id}-poster.jpg},
     * {@code {id}-thumb.jpg}); a rendition's file is {@code {id}-{name}.mp4} and its capture
     * {@code {id}-{name}-thumb.jpg}. Empty when {@code key} is none of the render's outputs.
     */
    public Optional<String> hostedFilename(String key) {
        String fileName = fileName(file);
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        if (key.equals(file)) {
            return Optional.of(fileName);
        }
        if (poster.filter(key::equals).isPresent()) {
            return Optional.of(base + POSTER_SUFFIX + extension(key));
        }
        if (thumbnail.filter(key::equals).isPresent()) {
            return Optional.of(base + THUMBNAIL_SUFFIX + extension(key));
        }
        for (RenditionOutputs rendition : renditions) {
            if (key.equals(rendition.file())) {
                return Optional.of(base + "-" + rendition.name() + extension(key));
            }
            if (key.equals(rendition.capture())) {
                return Optional.of(base + "-" + rendition.name() + THUMBNAIL_SUFFIX + extension(key));
            }
        }
        return Optional.empty();
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** {@code .jpg} of {@code .../{id}-poster.0000001.jpg}; empty when the name has none. */
    private static String extension(String key) {
        String name = fileName(key);
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot) : "";
    }
}
