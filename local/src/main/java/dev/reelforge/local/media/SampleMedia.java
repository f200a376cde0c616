package dev.reelforge.local.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Media made with ffmpeg's own test sources, for the demo, the benchmarks and the tests: moving test
 * patterns with a tone, flat colour images, music-like tones. Nothing is downloaded.
 */
public final class SampleMedia {

    private final Path ffmpeg;
    private final Path directory;

    public SampleMedia(Path ffmpeg, Path directory) {
        this.ffmpeg = ffmpeg;
        this.directory = directory;
    }

    /** An H.264/AAC MP4 of a moving test pattern ({@code testsrc2}) with a sine tone of {@code toneHz}. */
    public Path video(String name, int width, int height, double seconds, int toneHz) {
        return make(name, List.of("-f", "lavfi", "-i", "testsrc2=s=" + width + "x" + height + ":r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=f=" + toneHz + ":d=" + seconds + ":sample_rate=48000",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
    }

    /** An MP4 of a flat colour (ffmpeg colour name or 0xRRGGBB), without sound. */
    public Path colourVideo(String name, String colour, int width, int height, double seconds) {
        return make(name, List.of("-f", "lavfi", "-i", "color=c=" + colour + ":s=" + width + "x" + height
                + ":r=25:d=" + seconds, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
    }

    /** A still image (the extension of {@code name} picks png, jpg, bmp...) of a flat colour. */
    public Path image(String name, String colour, int width, int height) {
        return make(name, List.of("-f", "lavfi", "-i", "color=c=" + colour + ":s=" + width + "x" + height,
                "-frames:v", "1"));
    }

    /** A still image of soft colour gradients, different for each {@code seed} (the extension picks the format). */
    public Path picture(String name, int seed, int width, int height) {
        return make(name, List.of("-f", "lavfi", "-i", "gradients=s=" + width + "x" + height + ":seed=" + seed
                + ":n=4", "-frames:v", "1"));
    }

    /**
     * Four flat quadrants, red top left, green top right, blue bottom left, white bottom right: where each
     * lands tells a mirror from a turn. An H.264 MP4 of {@code seconds}, or a still image when that is 0.
     */
    public Path quadrants(String name, int width, int height, double seconds) {
        List<String> arguments = new ArrayList<>();
        for (String colour : List.of("0xFF0000", "0x00FF00", "0x0000FF", "0xFFFFFF")) {
            arguments.addAll(List.of("-f", "lavfi", "-i", "color=c=" + colour + ":s=" + width / 2 + "x" + height / 2
                    + ":r=25" + (seconds > 0 ? ":d=" + seconds : "")));
        }
        arguments.addAll(List.of("-filter_complex", "[0][1][2][3]xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0"));
        arguments.addAll(seconds > 0 ? List.of("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")
                : List.of("-frames:v", "1"));
        return make(name, arguments);
    }

    /**
     * A luma matte for a wipe from left to right over {@code seconds}: white (the clip it masks hidden) turning
     * black (shown) column by column, with a soft edge a tenth of the width wide. An H.264 MP4 without sound.
     */
    public Path lumaWipe(String name, int width, int height, double seconds) {
        String edge = "(X/W-T/" + seconds + "*1.1+0.1)*10";
        return make(name, List.of("-f", "lavfi", "-i", "color=c=black:s=" + width + "x" + height + ":r=25:d=" + seconds,
                "-vf", "format=yuv420p,geq=lum='255*clip(" + edge + ",0,1)':cb=128:cr=128",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
    }

    /** An MP3 of a sine tone. */
    public Path tone(String name, int hz, double seconds) {
        return make(name, List.of("-f", "lavfi", "-i", "sine=f=" + hz + ":d=" + seconds + ":sample_rate=44100",
                "-c:a", "libmp3lame", "-q:a", "4"));
    }

    /** Whatever ffmpeg makes of {@code arguments} (inputs, filters, codecs; the output file is {@code name}). */
    public Path ffmpeg(String name, String... arguments) {
        return make(name, List.of(arguments));
    }

    /** A text file, such as subtitles. */
    public Path text(String name, String content) {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file that is not media, named like one. */
    public Path notMedia(String name) {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(name), "this is not a video, just text wearing its name\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path make(String name, List<String> arguments) {
        try {
            Path target = directory.resolve(name);
            Files.createDirectories(target.getParent());
            if (Files.isRegularFile(target) && Files.size(target) > 0) {
                return target;
            }
            List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error",
                    "-nostdin", "-y"));
            command.addAll(arguments);
            command.add(target.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg could not make " + name + ": " + output);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making " + name, e);
        }
    }
}
