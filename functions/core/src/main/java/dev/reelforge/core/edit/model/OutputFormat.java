package dev.reelforge.core.edit.model;

import java.util.Locale;

public enum OutputFormat {
    MP4(Kind.VIDEO), GIF(Kind.VIDEO), MP3(Kind.AUDIO), JPG(Kind.IMAGE), PNG(Kind.IMAGE), BMP(Kind.IMAGE);

    /** Whether the output is moving pictures (with sound, for MP4), sound only, or one still frame. */
    public enum Kind { VIDEO, AUDIO, IMAGE }

    private final Kind kind;

    OutputFormat(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
