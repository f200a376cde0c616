package dev.reelforge.core.video.download;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files a video can be downloaded as (IBM's {@code {video_format}}): the hosted MP4 itself, copied, or an FLV
 * made from it with ffmpeg.
 */
public enum DownloadFormat {
    MP4("mp4", "video/mp4"),
    FLV("flv", "video/x-flv");

    private final String wireName;
    private final String contentType;

    DownloadFormat(String wireName, String contentType) {
        this.wireName = wireName;
        this.contentType = contentType;
    }

    /** As IBM's paths name it, and the file's extension. */
    public String wireName() {
        return wireName;
    }

    /** The media type the file is served with. */
    public String contentType() {
        return contentType;
    }

    public static Optional<DownloadFormat> fromWireName(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName.equals(name)).findFirst();
    }
}
