package dev.reelforge.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an MP4 of the render bench holds, read with ffmpeg (there is no ffprobe): its streams as ffmpeg
 * describes them, the number of video frames (counted by copying the stream to the null muxer) and the
 * length of its sound (decoded).
 *
 * @param containerSeconds the container's duration
 * @param audioSeconds     the decoded sound's length
 */
record RenderMedia(long bytes, String video, String videoCodec, String pixelFormat, int width, int height,
        double fps, long frames, String audio, String audioCodec, int sampleRate, String channels,
        double containerSeconds, double audioSeconds) {

    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern VIDEO = Pattern.compile("Stream #0:\\d+(?:\\([^)]*\\))?: Video: (.*)$",
            Pattern.MULTILINE);
    private static final Pattern AUDIO = Pattern.compile("Stream #0:\\d+(?:\\([^)]*\\))?: Audio: (.*)$",
            Pattern.MULTILINE);
    private static final Pattern CODEC = Pattern.compile("^(\\w+)(?: \\(([^)/]+)\\))?");
    private static final Pattern PIXELS = Pattern.compile(", (yuvj?\\d+p\\w*)");
    private static final Pattern SIZE = Pattern.compile(", (\\d+)x(\\d+)");
    private static final Pattern FPS = Pattern.compile(", (\\d+(?:\\.\\d+)?) fps");
    private static final Pattern SOUND = Pattern.compile(", (\\d+) Hz, ([^,]+)");
    private static final Pattern FRAME = Pattern.compile("frame=\\s*(\\d+)");
    private static final Pattern SSIM = Pattern.compile("SSIM Y:.* All:(\\d+(?:\\.\\d+)?)");
    private static final Pattern TIME = Pattern.compile("time=(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

    static RenderMedia inspect(Path ffmpeg, Path file) {
        String input = "file:" + file.toAbsolutePath();
        String videoReport = run(ffmpeg, List.of("-i", input, "-map", "0:v:0", "-c", "copy", "-f", "null", "-"));
        String audioReport = run(ffmpeg, List.of("-i", input, "-map", "0:a:0", "-vn", "-f", "null", "-"));
        String video = line(VIDEO, videoReport);
        String audio = line(AUDIO, videoReport);
        Matcher size = SIZE.matcher(video);
        boolean sized = size.find();
        Matcher sound = SOUND.matcher(audio);
        boolean sounded = sound.find();
        try {
            return new RenderMedia(Files.size(file), video, codec(video), find(PIXELS, video),
                    sized ? Integer.parseInt(size.group(1)) : 0, sized ? Integer.parseInt(size.group(2)) : 0,
                    parseOr(find(FPS, video), 0), last(FRAME, videoReport).map(Long::parseLong).orElse(-1L),
                    audio, codec(audio), sounded ? Integer.parseInt(sound.group(1)) : 0,
                    sounded ? sound.group(2).trim() : "?", seconds(DURATION, videoReport), seconds(TIME, audioReport));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "h264 High", "aac LC": the codec and, when ffmpeg names one, its profile. */
    private static String codec(String stream) {
        Matcher codec = CODEC.matcher(stream);
        if (!codec.find()) {
            return "?";
        }
        return codec.group(1) + (codec.group(2) != null ? " " + codec.group(2) : "");
    }

    /**
     * The mean SSIM of two videos of the same size, frame by frame (1 = identical): whether two outputs show
     * the same composition, allowing for their encoding.
     */
    static double ssim(Path ffmpeg, Path first, Path second) {
        String report = run(ffmpeg, List.of("-i", "file:" + first.toAbsolutePath(), "-i",
                "file:" + second.toAbsolutePath(), "-lavfi", "[0:v][1:v]ssim", "-f", "null", "-"));
        Matcher all = SSIM.matcher(report);
        return all.find() ? Double.parseDouble(all.group(1)) : Double.NaN;
    }

    double videoSeconds() {
        return fps > 0 ? frames / fps : 0;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s %s %dx%d %s fps, %d frames (%.3f s); %s %d Hz %s, %.3f s of sound;"
                        + " container %.3f s; %.1f MB (%.0f kbit/s)", videoCodec, pixelFormat, width, height,
                fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps), frames, videoSeconds(),
                audioCodec, sampleRate, channels, audioSeconds, containerSeconds, bytes / 1e6,
                containerSeconds > 0 ? bytes * 8 / containerSeconds / 1000 : 0);
    }

    /** The differences that matter between two outputs; empty when they agree (lengths to one frame). */
    List<String> differencesFrom(RenderMedia other) {
        List<String> differences = new ArrayList<>();
        double frame = fps > 0 ? 1 / fps : 0.04;
        compare(differences, "video codec", videoCodec, other.videoCodec);
        compare(differences, "pixel format", pixelFormat, other.pixelFormat);
        compare(differences, "size", width + "x" + height, other.width + "x" + other.height);
        compare(differences, "frame rate", String.valueOf(fps), String.valueOf(other.fps));
        compare(differences, "audio codec", audioCodec, other.audioCodec);
        compare(differences, "sample rate", String.valueOf(sampleRate), String.valueOf(other.sampleRate));
        compare(differences, "channels", channels, other.channels);
        if (Math.abs(frames - other.frames) > 1) {
            differences.add("frames: " + frames + " vs " + other.frames);
        }
        if (Math.abs(audioSeconds - other.audioSeconds) > frame + 1e-6) {
            differences.add(String.format(Locale.ROOT, "sound: %.3f s vs %.3f s", audioSeconds, other.audioSeconds));
        }
        if (Math.abs(containerSeconds - other.containerSeconds) > frame + 1e-6) {
            differences.add(String.format(Locale.ROOT, "container: %.3f s vs %.3f s", containerSeconds,
                    other.containerSeconds));
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, String mine, String theirs) {
        if (!mine.equals(theirs)) {
            differences.add(what + ": " + mine + " vs " + theirs);
        }
    }

    private static String run(Path ffmpeg, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg could not read the output: " + output);
            }
            return output.replace('\r', '\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String line(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1).trim() : "";
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static Optional<String> last(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        return Optional.ofNullable(found);
    }

    private static double seconds(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        double seconds = -1;
        while (matcher.find()) {
            seconds = Integer.parseInt(matcher.group(1)) * 3600 + Integer.parseInt(matcher.group(2)) * 60
                    + Double.parseDouble(matcher.group(3));
        }
        return seconds;
    }

    private static double parseOr(String text, double fallback) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
