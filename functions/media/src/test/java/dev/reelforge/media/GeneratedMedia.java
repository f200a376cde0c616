package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.plan.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source files made by ffmpeg's own generators (lavfi {@code color}, {@code testsrc2}, {@code sine}), each
 * probed and numbered as a plan's source.
 */
final class GeneratedMedia {

    /** The generators' mono sound on both channels at full level (-ac 2 would lower it by 3 dB). */
    private static final String BOTH_CHANNELS = "pan=stereo|c0=c0|c1=c0";

    private final Path directory;
    private final FfmpegMediaProbe probe = new FfmpegMediaProbe(TestFfmpeg.EXECUTABLE, Duration.ofSeconds(30));
    private final Map<Integer, Path> files = new LinkedHashMap<>();

    GeneratedMedia(Path directory) {
        this.directory = directory;
    }

    /** Local files by source index, as the composer takes them. */
    Map<Integer, Path> files() {
        return files;
    }

    /** A still image of one colour (ffmpeg colour name or 0xRRGGBB). */
    SourceFile image(String name, String color, int width, int height) {
        return file(name, "-f", "lavfi", "-i", "color=c=" + color + ":s=" + width + "x" + height, "-frames:v", "1");
    }

    /** A still image made by a lavfi source graph ({@code color=...,drawbox=...}). */
    SourceFile drawing(String name, String lavfi) {
        return file(name, "-f", "lavfi", "-i", lavfi, "-frames:v", "1");
    }

    /** An H.264 MP4 of a lavfi picture, with a 440 Hz tone when {@code withSound}. */
    SourceFile video(String name, String lavfi, double seconds, boolean withSound) {
        String length = Double.toString(seconds);
        if (withSound) {
            return file(name, "-f", "lavfi", "-i", lavfi, "-f", "lavfi", "-i", "sine=f=440:sample_rate=48000",
                    "-t", length, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-af", BOTH_CHANNELS, "-c:a", "aac");
        }
        return file(name, "-f", "lavfi", "-i", lavfi, "-t", length, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p");
    }

    /** A sound file of a lavfi audio graph ({@code sine=...}), {@code seconds} long, stereo. */
    SourceFile sound(String name, String lavfi, double seconds) {
        return file(name, "-f", "lavfi", "-i", lavfi, "-t", Double.toString(seconds), "-af", BOTH_CHANNELS);
    }

    /** A file that is not media at all. */
    SourceFile notMedia(String name, MediaInfo pretendedInfo) throws java.io.IOException {
        Path file = directory.resolve(name);
        java.nio.file.Files.writeString(file, "this is not a video\n");
        return register(file, pretendedInfo);
    }

    private SourceFile file(String name, String... arguments) {
        Path file = directory.resolve(name);
        String[] command = new String[arguments.length + 1];
        System.arraycopy(arguments, 0, command, 0, arguments.length);
        command[arguments.length] = file.toString();
        TestFfmpeg.run(command);
        MediaProbe.ProbeResult result = probe.probe(file);
        assertThat(result).isInstanceOf(MediaProbe.ProbeResult.Probed.class);
        return register(file, ((MediaProbe.ProbeResult.Probed) result).info());
    }

    private SourceFile register(Path file, MediaInfo info) {
        int index = files.size();
        files.put(index, file);
        return new SourceFile(index, file.toUri(), info);
    }
}
