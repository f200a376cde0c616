package dev.reelforge.core.media;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What probing a source file found. A still image has a video stream and no duration; a sound file has an
 * audio stream only.
 *
 * @param duration seconds, when the file has one
 * @param bytes    the file's size
 */
public record MediaInfo(OptionalDouble duration, Optional<VideoStream> video, Optional<AudioStream> audio, long bytes) {

    public record VideoStream(int width, int height, double fps, String codec) {}

    public record AudioStream(int sampleRate, int channels, String codec) {}

    public boolean hasVideo() {
        return video.isPresent();
    }

    public boolean hasAudio() {
        return audio.isPresent();
    }
}
