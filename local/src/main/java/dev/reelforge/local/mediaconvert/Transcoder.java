package dev.reelforge.local.mediaconvert;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.local.mediaconvert.JobSpec.AudioSpec;
import dev.reelforge.local.mediaconvert.JobSpec.FrameCapture;
import dev.reelforge.local.mediaconvert.JobSpec.Gif;
import dev.reelforge.local.mediaconvert.JobSpec.Gop;
import dev.reelforge.local.mediaconvert.JobSpec.H264;
import dev.reelforge.local.mediaconvert.JobSpec.Overlay;
import dev.reelforge.local.mediaconvert.JobSpec.OutputSpec;
import dev.reelforge.local.mediaconvert.JobSpec.Rate;
import dev.reelforge.local.mediaconvert.JobSpec.VideoSpec;
import dev.reelforge.local.mediaconvert.JobSpec.Vp9;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Encodes the outputs of a job with ffmpeg, several at once from one decoding of the input, as MediaConvert would: H.264 with libx264 (QVBR as a CRF with the
 * peak bitrate as VBV cap), VP9 with libvpx, AAC, Opus, PCM WAV, GIF through a generated palette, MP3 with LAME,
 * JPEG frame captures, the scaling behaviours (pad, stretch, fit, fill), and
 * image inserters as overlays with their opacity (input overlays before scaling, so they scale with the
 * video; output overlays after).
 */
final class Transcoder {

    /** CRF for each QVBR level, 1 to 10: level 7, MediaConvert's PC/tablet recommendation, is x264's default 23. */
    private static final int[] CRF = {0, 35, 33, 31, 29, 27, 25, 23, 21, 20, 18};
    private static final int STDERR_TAIL_LINES = 4;
    /** Seconds a frame may start after a capture time and still be the frame on screen at it (rounding). */
    private static final double CAPTURE_TOLERANCE = 0.001;

    /** Where ffmpeg runs and what it reports while it runs. */
    interface Control {

        /** Called with each process started, so a cancel can end it. */
        void started(Process process);

        /** How far the output is, 0 to 1, and the frames written so far. */
        void progress(double fraction, long frames);
    }

    private final Path ffmpeg;

    Transcoder(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** The input: a stored file, or a named pipe of raw pictures and sound in NUT that is read as it is written. */
    record Input(Path file, Optional<String> format) {

        static Input stored(Path file) {
            return new Input(file, Optional.empty());
        }

        static Input streamed(Path pipe) {
            return new Input(pipe, Optional.of("nut"));
        }
    }

    /** One output of a run: where its file (for frame captures, a pattern with {@code %07d}) goes. */
    record Target(OutputSpec output, Path directory, String fileName) {}

    /**
     * Writes several outputs of one input with one ffmpeg process, which decodes the input once and feeds each
     * output's own filter graph (ffmpeg hands an input stream's frames to every graph that names it), and returns the
     * files each wrote, in order. Frame captures and the other outputs may not share a run: captures need ffmpeg's
     * variable frame rate sync, which ffmpeg 4.4 sets for the whole process.
     *
     * @param images the local file of each overlay image, by its location
     * @param logs   where ffmpeg's messages are kept, named {@code ffmpeg-<run>.log}
     */
    Map<OutputSpec, List<Path>> encode(Input input, MediaInfo info, List<Overlay> inputOverlays, Map<String, Path> images,
            List<Target> targets, Path logs, String run, Control control) throws JobFailedException, InterruptedException {
        boolean captures = targets.getFirst().output().isFrameCapture();
        if (targets.stream().anyMatch(target -> target.output().isFrameCapture() != captures)) {
            throw new IllegalArgumentException("frame captures and other outputs run in separate ffmpeg processes");
        }
        List<String> inputs = new ArrayList<>();
        input.format().ifPresent(format -> inputs.addAll(List.of("-f", format)));
        inputs.addAll(List.of("-i", "file:" + input.file().toAbsolutePath()));
        List<String> graphs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        int[] labels = {0};
        double expectedSeconds = 0;
        for (int n = 0; n < targets.size(); n++) {
            Target target = targets.get(n);
            expectedSeconds = Math.max(expectedSeconds, output(info, inputOverlays, images, target, n, inputs, graphs,
                    outputs, labels));
        }
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-nostats", "-progress", "pipe:1"));
        if (captures) {
            // the selected frames as they are, not duplicated to a constant rate (image2 is a CFR muxer by default)
            arguments.addAll(List.of("-vsync", "vfr"));
        }
        arguments.addAll(inputs);
        graphs.forEach(graph -> arguments.addAll(List.of("-filter_complex", graph)));
        arguments.addAll(outputs);
        for (Target target : targets) {
            try {
                Files.createDirectories(target.directory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        run(arguments, logs, run, "Encoding " + targets.stream().map(target -> target.output().describe())
                .collect(Collectors.joining(", ")), Math.max(expectedSeconds, 0.001), control);
        Map<OutputSpec, List<Path>> written = new LinkedHashMap<>();
        for (Target target : targets) {
            written.put(target.output(), written(target.directory(), target.fileName(), target.output()));
        }
        return written;
    }

    /**
     * Adds one output: its overlay images to {@code inputs}, its filter graph (labels numbered on from
     * {@code labels}, its video sink {@code [vout<n>]}) to {@code graphs}, its mapping, codec and container options
     * and file to {@code outputs}. Returns the seconds it is expected to cover.
     */
    private static double output(MediaInfo info, List<Overlay> inputOverlays, Map<String, Path> images, Target target,
            int n, List<String> inputs, List<String> graphs, List<String> outputs, int[] labels) {
        OutputSpec output = target.output();
        double expectedSeconds = info.duration().orElse(0);
        String sink = "[vout" + n + "]";
        if (output.video().isPresent()) {
            VideoSpec video = output.video().get();
            List<String> filters = new ArrayList<>();
            String current = "[0:v]";
            if (video.codec() instanceof FrameCapture capture) {
                double interval = 1 / capture.rate().value();
                double frame = info.video().map(stream -> stream.fps() > 0 ? 1 / stream.fps() : 0.04).orElse(0.04);
                String next = label(labels);
                // the first frame, then the frame on screen at each multiple of the interval: the first frame
                // that starts after one frame duration before it (so, the last one starting at or before it)
                filters.add(current + "select='gte(t," + decimal(interval) + "*selected_n-"
                        + decimal(frame - CAPTURE_TOLERANCE) + ")'" + next);
                current = next;
                expectedSeconds = Math.min(expectedSeconds, interval * (capture.maxCaptures() - 1));
            }
            current = overlay(inputOverlays, images, inputs, filters, current, labels);
            String scale = scale(video);
            // The frame rate is set before the output overlays: after an overlay, ffmpeg 4.4's fps filter rounds
            // the end of the stream down and drops the last frame.
            String rate = switch (video.codec()) {
                case H264 h264 -> rate(h264.rate());
                case Vp9 vp9 -> rate(vp9.rate());
                case Gif gif -> rate(gif.rate());
                case FrameCapture capture -> "";
            };
            String scaled = label(labels);
            filters.add(current + scale + rate + "setsar=1" + scaled);
            current = overlay(video.overlays(), images, inputs, filters, scaled, labels);
            switch (video.codec()) {
                case H264 h264 -> filters.add(current + "format=yuv420p" + sink);
                case Vp9 vp9 -> filters.add(current + "format=yuv420p" + sink);
                case Gif gif -> {
                    String a = label(labels);
                    String b = label(labels);
                    String palette = label(labels);
                    filters.add(current + "split" + a + b + ";" + a + "palettegen=stats_mode=diff" + palette + ";"
                            + b + palette + "paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle" + sink);
                }
                case FrameCapture capture -> filters.add(current + "format=yuvj420p" + sink);
            }
            graphs.add(String.join(";", filters));
            outputs.addAll(List.of("-map", sink));
        }
        output.audio().ifPresent(audio -> outputs.addAll(List.of("-map", "0:a:0")));
        if (output.video().isEmpty()) {
            outputs.add("-vn");
        }
        if (output.audio().isEmpty()) {
            outputs.add("-an");
        }
        output.video().ifPresent(video -> outputs.addAll(videoCodec(video, info)));
        output.audio().ifPresent(audio -> outputs.addAll(audioCodec(audio)));
        outputs.addAll(switch (output.container()) {
            case MP4 -> output.progressiveDownload() ? List.of("-movflags", "+faststart", "-f", "mp4") : List.of("-f", "mp4");
            case MOV -> List.of("-f", "mov");
            case WEBM -> List.of("-f", "webm");
            case GIF -> List.of("-loop", "0", "-f", "gif");
            case RAW -> output.isFrameCapture() ? List.of("-start_number", "0", "-f", "image2")
                    : List.of("-f", output.audio().orElseThrow().codec().equals("WAV") ? "wav" : "mp3");
        });
        outputs.add(target.directory().resolve(target.fileName()).toString());
        return expectedSeconds;
    }

    static String overlay(List<Overlay> overlays, Map<String, Path> images, List<String> inputs,
            List<String> filters, String current, int[] labels) {
        for (Overlay overlay : overlays) {
            int index = (int) inputs.stream().filter("-i"::equals).count();
            inputs.addAll(List.of("-i", "file:" + images.get(overlay.image().uri()).toAbsolutePath()));
            String image = label(labels);
            String size = overlay.width().isPresent() || overlay.height().isPresent()
                    ? "scale=" + overlay.width().map(String::valueOf).orElse("-1") + ":"
                            + overlay.height().map(String::valueOf).orElse("-1") + ","
                    : "";
            filters.add("[" + index + ":v]" + size + "format=rgba,colorchannelmixer=aa="
                    + decimal(overlay.opacity() / 100.0) + image);
            String next = label(labels);
            filters.add(current + image + "overlay=" + overlay.x() + ":" + overlay.y() + ":eof_action=repeat" + next);
            current = next;
        }
        return current;
    }

    /**
     * The scaling to the output's frame, as MediaConvert's scaling behaviour says when both sides are given; one side
     * alone keeps the aspect ratio (an even other side).
     */
    private static String scale(VideoSpec video) {
        if (video.width().isEmpty() || video.height().isEmpty()) {
            return video.width().isPresent() || video.height().isPresent()
                    ? "scale=" + video.width().map(String::valueOf).orElse("-2") + ":"
                            + video.height().map(String::valueOf).orElse("-2") + ":flags=bicubic,"
                    : "";
        }
        String size = video.width().get() + ":" + video.height().get();
        return switch (video.scaling()) {
            case STRETCH_TO_OUTPUT -> "scale=" + size + ":flags=bicubic,";
            case DEFAULT -> "scale=" + size + ":force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,"
                    + "pad=" + size + ":(ow-iw)/2:(oh-ih)/2:black,";
            case FIT -> "scale=" + size + ":force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,";
            case FILL -> "scale=" + size + ":force_original_aspect_ratio=increase:flags=bicubic,crop=" + size + ",";
        };
    }

    /** A GOP's length in frames: seconds at the output's frame rate (the input's when it follows the input). */
    private static int gopFrames(Gop gop, Optional<Rate> rate, MediaInfo info) {
        if (!gop.seconds()) {
            return Math.max(1, (int) Math.round(gop.size()));
        }
        double fps = rate.map(Rate::value)
                .orElse(info.video().map(stream -> stream.fps() > 0 ? stream.fps() : 25.0).orElse(25.0));
        return Math.max(1, (int) Math.round(gop.size() * fps));
    }

    private static List<String> videoCodec(VideoSpec video, MediaInfo info) {
        return switch (video.codec()) {
            case Vp9 vp9 -> {
                // realtime and the fastest speed: the local outputs are checked for their shape, not their efficiency
                List<String> codec = new ArrayList<>(List.of("-c:v", "libvpx-vp9", "-deadline", "realtime",
                        "-cpu-used", "8", "-row-mt", "1", "-b:v", String.valueOf(vp9.bitrate())));
                vp9.maxBitrate().ifPresent(max -> codec.addAll(List.of("-maxrate", String.valueOf(max),
                        "-bufsize", String.valueOf(2L * max))));
                vp9.gop().ifPresent(gop -> {
                    String frames = String.valueOf(gopFrames(gop, vp9.rate(), info));
                    codec.addAll(List.of("-g", frames, "-keyint_min", frames));
                });
                yield codec;
            }
            case H264 h264 -> {
                List<String> codec = new ArrayList<>(List.of("-c:v", "libx264", "-preset", "veryfast",
                        "-profile:v", h264.profile()));
                h264.gop().ifPresent(gop -> codec.addAll(List.of("-g", String.valueOf(gopFrames(gop, h264.rate(), info)))));
                if (!h264.sceneChangeKeyframes()) {
                    codec.addAll(List.of("-sc_threshold", "0"));
                }
                switch (h264.rateControlMode()) {
                    case "QVBR" -> {
                        int max = h264.maxBitrate().orElseThrow();
                        codec.addAll(List.of("-crf", String.valueOf(CRF[h264.qualityLevel()]),
                                "-maxrate", String.valueOf(max), "-bufsize", String.valueOf(2L * max)));
                    }
                    case "CBR" -> {
                        int bitrate = h264.bitrate().orElseThrow();
                        codec.addAll(List.of("-b:v", String.valueOf(bitrate), "-minrate", String.valueOf(bitrate),
                                "-maxrate", String.valueOf(bitrate), "-bufsize", String.valueOf(bitrate)));
                    }
                    default -> {
                        int bitrate = h264.bitrate().orElseThrow();
                        int max = h264.maxBitrate().orElse(bitrate * 3 / 2);
                        codec.addAll(List.of("-b:v", String.valueOf(bitrate), "-maxrate", String.valueOf(max),
                                "-bufsize", String.valueOf(2L * max)));
                    }
                }
                yield codec;
            }
            case Gif gif -> List.of("-c:v", "gif");
            case FrameCapture capture -> List.of("-c:v", "mjpeg", "-vsync", "vfr", "-frames:v",
                    String.valueOf(capture.maxCaptures()), "-q:v", String.valueOf(jpegScale(capture.quality())));
        };
    }

    private static List<String> audioCodec(AudioSpec audio) {
        List<String> codec = new ArrayList<>(List.of("-c:a", switch (audio.codec()) {
            case "AAC" -> "aac";
            case "OPUS" -> "libopus";
            case "WAV" -> "pcm_s" + audio.bitDepth() + "le";
            default -> "libmp3lame";
        }));
        if (!audio.codec().equals("WAV")) {
            audio.vbrQuality().ifPresentOrElse(quality -> codec.addAll(List.of("-q:a", String.valueOf(quality))),
                    () -> codec.addAll(List.of("-b:a", String.valueOf(audio.bitrate()))));
        }
        codec.addAll(List.of("-ar", String.valueOf(audio.sampleRate()), "-ac", String.valueOf(audio.channels())));
        return codec;
    }

    /** JPEG quality 1 (worst) to 100 (best) as ffmpeg's quantizer scale, 31 (worst) to 2 (best). */
    static int jpegScale(int quality) {
        return 2 + (int) Math.round((100 - quality) * 29 / 99.0);
    }

    private static String rate(Optional<Rate> rate) {
        return rate.map(value -> "fps=" + value.ffmpeg() + ",").orElse("");
    }

    static String label(int[] labels) {
        return "[s" + labels[0]++ + "]";
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** @param what what the run does, as the failure's message says it ("Encoding output 0 of output group 0") */
    void run(List<String> arguments, Path logs, String run, String what, double expectedSeconds,
            Control control) throws JobFailedException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ffmpeg.toString());
        command.addAll(arguments);
        Path log = logs.resolve("ffmpeg-" + run + ".log");
        Process process;
        try {
            Files.createDirectories(logs);
            process = new ProcessBuilder(command)
                    .directory(logs.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + ffmpeg, e);
        }
        control.started(process);
        try (BufferedReader progress = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long frames = 0;
            String line;
            while ((line = progress.readLine()) != null) {
                if (line.startsWith("frame=")) {
                    frames = parseLong(line.substring("frame=".length()), frames);
                } else if (line.startsWith("out_time_us=")) {
                    long micros = parseLong(line.substring("out_time_us=".length()), 0);
                    control.progress(Math.min(1, Math.max(0, micros / 1e6 / expectedSeconds)), frames);
                } else if (line.equals("progress=end")) {
                    control.progress(1, frames);
                }
            }
        } catch (IOException e) {
            // the process was ended (canceled); its exit status tells
        } finally {
            if (Thread.currentThread().isInterrupted()) {
                process.destroyForcibly();
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        int exit = process.exitValue();
        if (exit != 0) {
            throw new JobFailedException(JobFailedException.UNKNOWN, what + " failed: ffmpeg exited with " + exit
                    + ": " + tail(log));
        }
    }

    private static long parseLong(String text, long fallback) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "(no message)"
                    : String.join(" / ", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no message)";
        }
    }

    private static List<Path> written(Path directory, String fileName, OutputSpec output) throws JobFailedException {
        if (!output.isFrameCapture()) {
            Path file = directory.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                throw new JobFailedException(JobFailedException.UNKNOWN, "Encoding " + output.describe()
                        + " wrote no file");
            }
            return List.of(file);
        }
        int sequence = fileName.lastIndexOf("%07d");
        String prefix = fileName.substring(0, sequence).replace("%%", "%");
        String suffix = fileName.substring(sequence + "%07d".length()).replace("%%", "%");
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> captures = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix)
                        && name.length() == prefix.length() + 7 + suffix.length();
            }).sorted().toList();
            if (captures.isEmpty()) {
                throw new JobFailedException(JobFailedException.UNKNOWN, "Frame capture " + output.describe()
                        + " captured no frame");
            }
            return captures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
