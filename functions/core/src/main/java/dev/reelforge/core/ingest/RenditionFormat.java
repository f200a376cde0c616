package dev.reelforge.core.ingest;

import java.util.Arrays;
import java.util.Optional;

/**
 * A file format a rendition of an ingested source may be encoded to, as the Ingest API names it. A source is
 * encoded to a format of its own kind only (a video to a video, an image to an image, audio to audio).
 */
public enum RenditionFormat {
    MP4("mp4", Kind.VIDEO),
    WEBM("webm", Kind.VIDEO),
    MOV("mov", Kind.VIDEO),
    AVI("avi", Kind.VIDEO),
    MKV("mkv", Kind.VIDEO),
    OGV("ogv", Kind.VIDEO),
    WMV("wmv", Kind.VIDEO),
    AVIF("avif", Kind.VIDEO),
    GIF("gif", Kind.VIDEO),
    MP3("mp3", Kind.AUDIO),
    WAV("wav", Kind.AUDIO),
    JPG("jpg", Kind.IMAGE),
    PNG("png", Kind.IMAGE),
    WEBP("webp", Kind.IMAGE),
    TIF("tif", Kind.IMAGE);

    /** What a format holds, and so which sources it can be made from. */
    public enum Kind { VIDEO, AUDIO, IMAGE }

    private final String wireName;
    private final Kind kind;

    RenditionFormat(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /** The name on the wire, which is also the file's extension. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<RenditionFormat> fromWire(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName.equals(name)).findFirst();
    }
}
