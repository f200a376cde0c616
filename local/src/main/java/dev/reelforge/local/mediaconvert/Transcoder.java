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

    /** A joined timeline: its file, and how it was joined, as the emulator's log says it. */
    record Joined(Path file, String how) {}

    /**
     * Joins a job's inputs, in order, into one file in {@code directory}, the timeline its outputs are then encoded
     * from as from a single input. Inputs whose streams are alike (see {@link #copyRefusal}) and that have no image
     * inserter are joined by stream copy with ffmpeg's concat demuxer, which costs little more than reading them;
     * every other job, and one whose copied file does not prove to be the inputs end to end, is joined losslessly
     * with the concat filter ({@link #joinLosslessly}).
     *
     * @param overlays each input's overlays
     * @param video    whether the job's outputs need the pictures
     * @param audio    whether they need the sound (each input's first audio track)
     */
    Joined join(List<Path> files, List<MediaInfo> infos, List<List<Overlay>> overlays, Map<String, Path> images,
            boolean video, boolean audio, Path directory, Control control)
            throws JobFailedException, InterruptedException {
        Optional<String> refusal = overlays.stream().anyMatch(own -> !own.isEmpty())
                ? Optional.of("an input has an image inserter") : Optional.empty();
        if (refusal.isEmpty()) {
            List<PacketList> lists = new ArrayList<>();
            for (int n = 0; n < files.size() && refusal.isEmpty(); n++) {
                try {
                    lists.add(packets(files.get(n), directory, "packets-" + n, control));
                } catch (JobFailedException | IllegalArgumentException e) {
                    refusal = Optional.of("the packets of input " + n + " could not be listed: " + e.getMessage());
                }
            }
            if (refusal.isEmpty()) {
                refusal = copyRefusal(lists, video, audio);
            }
            if (refusal.isEmpty()) {
                Path joined = directory.resolve("joined.mov");
                refusal = joinByCopy(files, lists, video, audio, joined, directory, control);
                if (refusal.isEmpty()) {
                    return new Joined(joined, "by stream copy (concat demuxer) into " + joined.getFileName());
                }
                try {
                    Files.deleteIfExists(joined);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Path joined = directory.resolve("joined.nut");
        joinLosslessly(files, infos, overlays, images, video, audio, joined, directory, control);
        return new Joined(joined, "losslessly (concat filter) into " + joined.getFileName() + ", since "
                + refusal.orElseThrow());
    }

    /**
     * Why the inputs cannot be joined by stream copy, if they can't. A copy keeps each input's packets as they are
     * and a decoder reads the joined file with the first input's parameters, so the inputs must be alike: the same
     * streams in the same order with the same codec, extradata, time base, frame size, SAR, sample rate and channel
     * layout (framecrc's headers). Pictures must be H.264 (whose extradata, its SPS and PPS, also fixes the pixel
     * format) at a constant frame duration, every input's frames in order (no B-frames: a copied file's
     * timestamps stay increasing across a join) and starting on a keyframe; sound must be PCM (its codec fixes the
     * sample format; AAC's priming and padding would be copied into the middle of the timeline). Each input's
     * timestamps must start at 0 and run without gap, and the sound of the inputs up to each join must last as long
     * as their pictures to within a sample, so the demuxer, which starts each input where the one before ended, keeps
     * them in sync.
     */
    private static Optional<String> copyRefusal(List<PacketList> lists, boolean video, boolean audio) {
        PacketList first = lists.getFirst();
        long frameDuration = -1;
        long pictures = 0;
        long sound = 0;
        for (int n = 0; n < lists.size(); n++) {
            PacketList list = lists.get(n);
            if (list.streams().size() != first.streams().size()) {
                return Optional.of("input " + n + " has " + list.streams().size() + " streams and input 0 "
                        + first.streams().size());
            }
            for (int s = 0; s < list.streams().size(); s++) {
                if (!list.streams().get(s).header().equals(first.streams().get(s).header())) {
                    return Optional.of("input " + n + "'s stream " + s + " (" + list.streams().get(s).header()
                            + ") differs from input 0's (" + first.streams().get(s).header() + ")");
                }
            }
            Optional<PacketList.Stream> pictureStream = list.first("video");
            Optional<PacketList.Stream> soundStream = list.first("audio");
            if ((video && pictureStream.isEmpty()) || (audio && soundStream.isEmpty())) {
                return Optional.of("input " + n + " lists no " + (video && pictureStream.isEmpty() ? "video" : "audio")
                        + " packets");
            }
            if (video) {
                PacketList.Stream stream = pictureStream.orElseThrow();
                if (!stream.codec().equals("h264") || !stream.hasExtradata()) {
                    return Optional.of("the pictures are " + stream.codec() + (stream.hasExtradata() ? ""
                            : " without extradata") + ", and only H.264 with its SPS and PPS in extradata is copied");
                }
                if (stream.packets().isEmpty() || !stream.packets().getFirst().key()) {
                    return Optional.of("input " + n + "'s pictures do not start on a keyframe");
                }
                for (PacketList.Packet packet : stream.packets()) {
                    if (packet.pts() != packet.dts()) {
                        return Optional.of("input " + n + "'s pictures are reordered (B-frames)");
                    }
                    if (frameDuration < 0) {
                        frameDuration = packet.duration();
                    }
                    if (packet.duration() != frameDuration) {
                        return Optional.of("input " + n + "'s frame rate is not constant, or not input 0's");
                    }
                }
                if (!stream.contiguous()) {
                    return Optional.of("input " + n + "'s pictures do not start at 0 or have gaps");
                }
                pictures += stream.length();
            }
            if (audio) {
                PacketList.Stream stream = soundStream.orElseThrow();
                if (!stream.codec().startsWith("pcm_")) {
                    return Optional.of("the sound is " + stream.codec() + ", and only PCM is copied");
                }
                if (!stream.contiguous()) {
                    return Optional.of("input " + n + "'s sound does not start at 0 or has gaps");
                }
                sound += stream.length();
            }
            if (video && audio) {
                PacketList.Stream picturesOf = pictureStream.orElseThrow();
                PacketList.Stream soundOf = soundStream.orElseThrow();
                double apart = Math.abs(soundOf.seconds(sound) - picturesOf.seconds(pictures));
                if (soundOf.sampleRate() <= 0 || apart > 1.0 / soundOf.sampleRate() + 1e-9) {
                    return Optional.of("the sound of inputs 0 to " + n + " lasts " + decimal(soundOf.seconds(sound))
                            + " s and their pictures " + decimal(picturesOf.seconds(pictures)) + " s");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Joins the inputs by stream copy with the concat demuxer into a MOV (which carries H.264 and PCM as they are),
     * then lists the joined file's packets to check it is the inputs end to end: as many frames, as long a sound, and
     * timestamps that run on without a gap or an overlap at each join. The demuxer starts each input where the one
     * before ended by the list's {@code duration}, given to the microsecond from the inputs' own timestamps (the
     * container's duration is rounded to its time scale, in MOV a millisecond, which would shift every later input).
     * Returns why the copy was not used, if it wasn't.
     */
    private Optional<String> joinByCopy(List<Path> files, List<PacketList> lists, boolean video, boolean audio,
            Path joined, Path directory, Control control) throws InterruptedException {
        String type = video ? "video" : "audio";
        StringBuilder concat = new StringBuilder("ffconcat version 1.0\n");
        long ticks = 0;
        long before = 0;
        for (int n = 0; n < files.size(); n++) {
            String path = files.get(n).toAbsolutePath().toString();
            if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
                return Optional.of("input " + n + "'s path has a line break, which a concat list cannot hold");
            }
            PacketList.Stream stream = lists.get(n).first(type).orElseThrow();
            ticks += stream.length();
            // the end of the inputs so far, rounded once, so that the roundings do not add up
            long micros = Math.round(ticks * 1e6 * stream.timeBaseNumerator() / stream.timeBaseDenominator());
            // inside single quotes everything is literal but the quote, which closes, is escaped and reopens
            concat.append("file '").append(path.replace("'", "'\\''")).append("'\n")
                    .append("duration ").append(String.format(Locale.ROOT, "%d.%06d", (micros - before) / 1_000_000,
                            (micros - before) % 1_000_000)).append('\n');
            before = micros;
        }
        Path list = directory.resolve("inputs.ffconcat");
        try {
            Files.writeString(list, concat, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-nostats", "-progress", "pipe:1", "-f", "concat", "-safe", "0", "-i", "file:" + list.toAbsolutePath()));
        if (video) {
            arguments.addAll(List.of("-map", "0:v:0"));
        }
        if (audio) {
            arguments.addAll(List.of("-map", "0:a:0"));
        }
        arguments.addAll(List.of("-c", "copy", "-f", "mov", "file:" + joined.toAbsolutePath()));
        PacketList written;
        try {
            run(arguments, directory, "join-copy", "Joining the " + files.size() + " inputs by stream copy",
                    Math.max(before / 1e6, 0.001), control);
            written = packets(joined, directory, "packets-joined", control);
        } catch (JobFailedException | IllegalArgumentException e) {
            return Optional.of("the stream copy failed: " + e.getMessage());
        }
        if (video) {
            PacketList.Stream stream = written.first("video").orElse(null);
            long frames = lists.stream().mapToLong(each -> each.first("video").orElseThrow().packets().size()).sum();
            long duration = lists.getFirst().first("video").orElseThrow().packets().getFirst().duration();
            if (stream == null || stream.packets().size() != frames || !stream.contiguous()
                    || stream.packets().stream().anyMatch(packet -> packet.duration() != duration
                            || packet.pts() != packet.dts())) {
                return Optional.of("the copied pictures were not the inputs' " + frames + " frames end to end");
            }
        }
        if (audio) {
            PacketList.Stream stream = written.first("audio").orElse(null);
            long length = lists.stream().mapToLong(each -> each.first("audio").orElseThrow().length()).sum();
            if (stream == null || stream.length() != length || !stream.contiguous()) {
                return Optional.of("the copied sound was not the inputs' sound end to end");
            }
        }
        return Optional.empty();
    }

    /**
     * Lists a file's packets ({@link PacketList}) by copying them into framecrc's report, without decoding. It reports
     * no progress: a listing takes a moment, and the join that may follow is what the job's progress follows.
     */
    private PacketList packets(Path file, Path directory, String run, Control control)
            throws JobFailedException, InterruptedException {
        Control quiet = new Control() {
            @Override
            public void started(Process process) {
                control.started(process);
            }

            @Override
            public void progress(double fraction, long frames) {
            }
        };
        Path report = directory.resolve(run + ".framecrc");
        run(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats", "-progress", "pipe:1",
                "-i", "file:" + file.toAbsolutePath(), "-map", "0", "-c", "copy", "-f", "framecrc",
                "file:" + report.toAbsolutePath()), directory, run, "Listing the packets of " + file.getFileName(),
                0.001, quiet);
        try {
            return PacketList.parse(Files.readAllLines(report, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Joins the inputs with ffmpeg's concat filter, which decodes every input, so the joined length is the sum of
     * theirs whatever their containers; where an input's sound is shorter than its pictures, it is padded with
     * silence, so the next input starts in sync. Each input's own overlays are drawn on its own part, in its own
     * pixels and from its own start (as MediaConvert times an input overlay on that input's timeline); a picture of
     * another size than the first input's is fitted into that size and padded (the concat filter needs one size).
     * The file is lossless (x264 at QP 0, FLAC) in NUT, which keeps the timestamps exact.
     */
    private void joinLosslessly(List<Path> files, List<MediaInfo> infos, List<List<Overlay>> overlays,
            Map<String, Path> images, boolean video, boolean audio, Path joined, Path logs, Control control)
            throws JobFailedException, InterruptedException {
        List<String> inputs = new ArrayList<>();
        for (Path file : files) {
            inputs.addAll(List.of("-i", "file:" + file.toAbsolutePath()));
        }
        Optional<MediaInfo.VideoStream> frame = infos.getFirst().video();
        List<String> filters = new ArrayList<>();
        StringBuilder segments = new StringBuilder();
        int[] labels = {0};
        for (int n = 0; n < files.size(); n++) {
            if (video) {
                String current = overlay(overlays.get(n), images, inputs, filters, "[" + n + ":v]", labels);
                String fit = "";
                Optional<MediaInfo.VideoStream> own = infos.get(n).video();
                if (frame.isPresent() && own.isPresent() && (own.get().width() != frame.get().width()
                        || own.get().height() != frame.get().height())) {
                    String size = frame.get().width() + ":" + frame.get().height();
                    fit = "scale=" + size + ":force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,"
                            + "pad=" + size + ":(ow-iw)/2:(oh-ih)/2:black,";
                }
                String part = label(labels);
                filters.add(current + fit + "setsar=1" + part);
                segments.append(part);
            }
            if (audio) {
                segments.append("[").append(n).append(":a:0]");
            }
        }
        filters.add(segments + "concat=n=" + files.size() + ":v=" + (video ? 1 : 0) + ":a=" + (audio ? 1 : 0)
                + (video ? "[joinedv]" : "") + (audio ? "[joineda]" : ""));
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-nostats", "-progress", "pipe:1"));
        arguments.addAll(inputs);
        arguments.addAll(List.of("-filter_complex", String.join(";", filters)));
        if (video) {
            arguments.addAll(List.of("-map", "[joinedv]", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0"));
        }
        if (audio) {
            arguments.addAll(List.of("-map", "[joineda]", "-c:a", "flac"));
        }
        arguments.addAll(List.of("-f", "nut", joined.toAbsolutePath().toString()));
        double seconds = infos.stream().mapToDouble(info -> info.duration().orElse(0)).sum();
        run(arguments, logs, "join", "Joining the " + files.size() + " inputs", Math.max(seconds, 0.001), control);
        if (!Files.isRegularFile(joined)) {
            throw new JobFailedException(JobFailedException.UNKNOWN, "Joining the " + files.size()
                    + " inputs wrote no file");
        }
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

    private static String overlay(List<Overlay> overlays, Map<String, Path> images, List<String> inputs,
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

    private static String label(int[] labels) {
        return "[s" + labels[0]++ + "]";
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** @param what what the run does, as the failure's message says it ("Encoding output 0 of output group 0") */
    private void run(List<String> arguments, Path logs, String run, String what, double expectedSeconds,
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
