package dev.reelforge.core.upload;

import java.time.Duration;

/** The bounds every upload is checked against, however it arrives. */
public final class UploadLimits {

    /** Picovico's largest plan allows 25 MB files. */
    public static final long MAX_BYTES = 25L * 1024 * 1024;
    /** A photo's width and height, each. */
    public static final int MAX_PHOTO_SIDE = 12_000;
    /** A photo's pixels (a 100-megapixel camera's). */
    public static final long MAX_PHOTO_PIXELS = 100_000_000L;
    /** A music track's length. */
    public static final Duration MAX_MUSIC_LENGTH = Duration.ofMinutes(30);

    private UploadLimits() {}
}
