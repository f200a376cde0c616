package dev.reelforge.local.it;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.media.FfmpegMediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a render's output back the way a viewer meets it, with ffmpeg: its container and streams, how many
 * frames it has, the pixels of the frame shown at a time (raw rgb24), and the loudness of its sound.
 */
final class RenderPlayback {

    private static final Pattern INPUT = Pattern.compile("(?m)^Input #0, (.+?), from ");
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern START = Pattern.compile("Duration: [^,]+, start: (-?\\d+(?:\\.\\d+)?)");
    private static final Pattern FRAMES = Pattern.compile("frame=\\s*(\\d+)");
    private static final Pattern MEAN_VOLUME = Pattern.compile("mean_volume: (-?[0-9.]+|-inf) dB");

    private final Path ffmpeg;
    private final Path work;
    private final FfmpegMediaProbe probe;

    RenderPlayback(Path ffmpeg, Path work) {
        this.ffmpeg = ffmpeg;
        this.work = work;
        this.probe = new FfmpegMediaProbe(ffmpeg, Duration.ofSeconds(30));
    }

    /** Streams, sizes, rates and duration, as the render worker's own probe reads them. */
    MediaInfo probe(Path file) {
        return switch (probe.probe(file)) {
            case MediaProbe.ProbeResult.Probed probed -> probed.info();
            case MediaProbe.ProbeResult.Unreadable unreadable ->
                    throw new AssertionError(file + " is not readable media: " + unreadable.reason());
        };
    }

    /** ffmpeg's demuxer names for the file ({@code mov,mp4,m4a,3gp,3g2,mj2}, {@code gif}, {@code mp3}, ...). */
    String container(Path file) {
        Matcher matcher = INPUT.matcher(describe(file));
        if (!matcher.find()) {
            throw new AssertionError("ffmpeg names no container for " + file + ":\n" + describe(file));
        }
        return matcher.group(1);
    }

    /** The container's duration in seconds. */
    double duration(Path file) {
        return durationIn(describe(file), file.toString());
    }

    /**
     * The seconds from the container's first timestamp to its end: its duration less its start. An FLV of H.264 with
     * B-frames starts late by the frames' reorder delay (FLV has no edit list to hide it), and its duration counts it.
     */
    double span(Path file) {
        String description = describe(file);
        Matcher matcher = START.matcher(description);
        if (!matcher.find()) {
            throw new AssertionError("no start time for " + file + ":\n" + description);
        }
        return durationIn(description, file.toString()) - Double.parseDouble(matcher.group(1));
    }

    /** The duration in seconds of what is served at {@code url}, as a player reading it over HTTP finds it. */
    double durationAt(URI url) {
        return durationIn(describeAt(url), url.toString());
    }

    private static double durationIn(String description, String input) {
        Matcher matcher = DURATION.matcher(description);
        if (!matcher.find()) {
            throw new AssertionError("no duration for " + input + ":\n" + description);
        }
        return Integer.parseInt(matcher.group(1)) * 3600.0 + Integer.parseInt(matcher.group(2)) * 60.0
                + Double.parseDouble(matcher.group(3));
    }

    /** What {@code ffmpeg -i} says about the file. */
    String describe(Path file) {
        return run(List.of("-hide_banner", "-nostdin", "-i", file.toString()), false);
    }

    /** What {@code ffmpeg -i} says about what is served at {@code url}. */
    String describeAt(URI url) {
        return run(List.of("-hide_banner", "-nostdin", "-i", url.toString()), false);
    }

    /** How many frames the first video stream has, counted by decoding it. */
    int frameCount(Path file) {
        String said = run(List.of("-hide_banner", "-nostdin", "-i", file.toString(), "-map", "0:v:0", "-f", "null",
                "-"), true);
        Matcher matcher = FRAMES.matcher(said);
        int frames = -1;
        while (matcher.find()) {
            frames = Integer.parseInt(matcher.group(1));
        }
        if (frames < 0) {
            throw new AssertionError("ffmpeg counted no frames in " + file + ":\n" + said);
        }
        return frames;
    }

    /** The frame on screen at {@code seconds} of a video; for a still image, the image. */
    Frame frameAt(Path file, double seconds) {
        MediaInfo.VideoStream video = probe(file).video()
                .orElseThrow(() -> new AssertionError(file + " has no picture"));
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        if (seconds > 0 && video.fps() > 0) {
            // Seeking lands on the first frame starting at or after the time; the one on screen then started
            // up to a frame earlier.
            arguments.addAll(List.of("-ss", String.format(Locale.ROOT, "%.4f", Math.max(0, seconds - 1 / video.fps()
                    + 0.001))));
        }
        try {
            Files.createDirectories(work);
            Path raw = Files.createTempFile(work, "frame", ".rgb");
            try {
                arguments.addAll(List.of("-i", file.toString(), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24",
                        raw.toString()));
                run(arguments, true);
                byte[] rgb = Files.readAllBytes(raw);
                if (rgb.length != video.width() * video.height() * 3) {
                    throw new AssertionError("ffmpeg wrote " + rgb.length + " bytes for a " + video.width() + "x"
                            + video.height() + " frame at " + seconds + " s of " + file);
                }
                return new Frame(video.width(), video.height(), rgb);
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mean volume in dB of the whole sound (negative infinity for silence). */
    double meanVolume(Path file) {
        return meanVolume(file, "volumedetect");
    }

    /** The mean volume in dB of the sound between {@code from} and {@code to} seconds. */
    double meanVolume(Path file, double from, double to) {
        return meanVolume(file, String.format(Locale.ROOT, "atrim=start=%.4f:end=%.4f,volumedetect", from, to));
    }

    private double meanVolume(Path file, String filter) {
        String said = run(List.of("-hide_banner", "-nostdin", "-i", file.toString(), "-map", "0:a:0", "-af",
                filter, "-f", "null", "-"), true);
        Matcher matcher = MEAN_VOLUME.matcher(said);
        if (!matcher.find()) {
            throw new AssertionError("no mean_volume for " + file + ":\n" + said);
        }
        return matcher.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(matcher.group(1));
    }

    /** The first bytes of a file, to tell its format by its signature. */
    static byte[] head(Path file, int count) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run(List<String> arguments, boolean mustSucceed) {
        List<String> command = new ArrayList<>();
        command.add(ffmpeg.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ffmpeg did not finish: " + command);
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new AssertionError("ffmpeg failed: " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An RGB picture, row by row from the top left. */
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

        /** The pixel at a fraction of the width and height (0.5, 0.5 is the centre). */
        boolean isAt(double fx, double fy, int r, int g, int b, int tolerance) {
            return is(x(fx), y(fy), r, g, b, tolerance);
        }

        int x(double fraction) {
            return Math.min(width - 1, (int) Math.round(fraction * width));
        }

        int y(double fraction) {
            return Math.min(height - 1, (int) Math.round(fraction * height));
        }

        String describe(int x, int y) {
            return "(" + red(x, y) + "," + green(x, y) + "," + blue(x, y) + ") at " + x + "," + y + " of " + width
                    + "x" + height;
        }

        String describeAt(double fx, double fy) {
            return describe(x(fx), y(fy));
        }

        /** The mean of (r + g + b) / 3 over a rectangle. */
        double meanLuma(int x0, int y0, int x1, int y1) {
            double sum = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    sum += (red(x, y) + green(x, y) + blue(x, y)) / 3.0;
                }
            }
            return sum / ((double) (x1 - x0) * (y1 - y0));
        }

        /** How many pixels of a rectangle are near white (every channel at least {@code floor}). */
        int brightPixels(int x0, int y0, int x1, int y1, int floor) {
            int count = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    if (red(x, y) >= floor && green(x, y) >= floor && blue(x, y) >= floor) {
                        count++;
                    }
                }
            }
            return count;
        }

        /** The mean absolute difference, per channel, between this frame and another over a rectangle. */
        double difference(Frame other, int x0, int y0, int x1, int y1) {
            if (other.width != width || other.height != height) {
                throw new AssertionError("frames of different sizes: " + width + "x" + height + " and "
                        + other.width + "x" + other.height);
            }
            double sum = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    sum += Math.abs(red(x, y) - other.red(x, y)) + Math.abs(green(x, y) - other.green(x, y))
                            + Math.abs(blue(x, y) - other.blue(x, y));
                }
            }
            return sum / (3.0 * (x1 - x0) * (y1 - y0));
        }
    }
}
