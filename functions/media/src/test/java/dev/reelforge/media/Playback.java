package dev.reelforge.media;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a composition back the way a viewer would meet it: its streams, a frame's pixels, its loudness. */
final class Playback {

    private static final Pattern MEAN_VOLUME = Pattern.compile("mean_volume: (-?[0-9.]+|-inf) dB");
    private static final FfmpegMediaProbe PROBE = new FfmpegMediaProbe(TestFfmpeg.EXECUTABLE, Duration.ofSeconds(30));

    private Playback() {}

    static MediaInfo probe(Path file) {
        return switch (PROBE.probe(file)) {
            case MediaProbe.ProbeResult.Probed probed -> probed.info();
            case MediaProbe.ProbeResult.Unreadable unreadable ->
                    throw new AssertionError(file + " is unreadable: " + unreadable.reason());
        };
    }

    /** The frame shown at {@code seconds} (of a video), or the image itself. */
    static Frame frameAt(Path file, double seconds) {
        MediaInfo.VideoStream video = probe(file).video().orElseThrow();
        // Seeking keeps the first frame starting at or after the time; the one shown then started up to a
        // frame earlier.
        double seek = Math.max(0, seconds - 1 / video.fps() + 0.001);
        try {
            Path raw = Files.createTempFile(file.getParent(), "frame", ".rgb");
            try {
                TestFfmpeg.run("-loglevel", "error", "-ss", String.format(Locale.ROOT, "%.4f", seek),
                        "-i", file.toString(), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", raw.toString());
                return new Frame(video.width(), video.height(), Files.readAllBytes(raw));
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mean volume (dB) of the sound between {@code from} and {@code to} seconds. */
    static double meanVolume(Path file, double from, double to) {
        String said = TestFfmpeg.run("-i", file.toString(), "-af",
                String.format(Locale.ROOT, "atrim=start=%.4f:end=%.4f,volumedetect", from, to), "-f", "null", "-");
        Matcher matcher = MEAN_VOLUME.matcher(said);
        if (!matcher.find()) {
            throw new AssertionError("no mean_volume in\n" + said);
        }
        return matcher.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(matcher.group(1));
    }

    /** An RGB picture. */
    record Frame(int width, int height, byte[] rgb) {

        int red(int x, int y) {
            return rgb[(y * width + x) * 3] & 0xff;
        }

        int green(int x, int y) {
            return rgb[(y * width + x) * 3 + 1] & 0xff;
        }

        int blue(int x, int y) {
            return rgb[(y * width + x) * 3 + 2] & 0xff;
        }

        /** Whether the pixel is within {@code tolerance} of (r, g, b) on every channel. */
        boolean is(int x, int y, int r, int g, int b, int tolerance) {
            return Math.abs(red(x, y) - r) <= tolerance && Math.abs(green(x, y) - g) <= tolerance
                    && Math.abs(blue(x, y) - b) <= tolerance;
        }

        String describe(int x, int y) {
            return "(" + red(x, y) + "," + green(x, y) + "," + blue(x, y) + ") at " + x + "," + y;
        }

        int luma(int x, int y) {
            return (red(x, y) + green(x, y) + blue(x, y)) / 3;
        }
    }
}
