package dev.reelforge.local.mediaconvert;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.local.mediaconvert.JobSpec.Overlay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one timeline of a job with several inputs: its inputs joined in order into one file, which the job's outputs
 * are then encoded from as from a single input ({@link Transcoder}).
 */
final class InputJoin {

    private final Transcoder transcoder;

    InputJoin(Transcoder transcoder) {
        this.transcoder = transcoder;
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
            boolean video, boolean audio, Path directory, Transcoder.Control control)
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
                    return Optional.of("the sound of inputs 0 to " + n + " lasts " + Transcoder.decimal(soundOf.seconds(sound))
                            + " s and their pictures " + Transcoder.decimal(picturesOf.seconds(pictures)) + " s");
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
            Path joined, Path directory, Transcoder.Control control) throws InterruptedException {
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
            transcoder.run(arguments, directory, "join-copy", "Joining the " + files.size() + " inputs by stream copy",
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
    private PacketList packets(Path file, Path directory, String run, Transcoder.Control control)
            throws JobFailedException, InterruptedException {
        Transcoder.Control quiet = new Transcoder.Control() {
            @Override
            public void started(Process process) {
                control.started(process);
            }

            @Override
            public void progress(double fraction, long frames) {
            }
        };
        Path report = directory.resolve(run + ".framecrc");
        transcoder.run(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats", "-progress", "pipe:1",
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
            Map<String, Path> images, boolean video, boolean audio, Path joined, Path logs, Transcoder.Control control)
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
                String current = Transcoder.overlay(overlays.get(n), images, inputs, filters, "[" + n + ":v]", labels);
                String fit = "";
                Optional<MediaInfo.VideoStream> own = infos.get(n).video();
                if (frame.isPresent() && own.isPresent() && (own.get().width() != frame.get().width()
                        || own.get().height() != frame.get().height())) {
                    String size = frame.get().width() + ":" + frame.get().height();
                    fit = "scale=" + size + ":force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,"
                            + "pad=" + size + ":(ow-iw)/2:(oh-ih)/2:black,";
                }
                String part = Transcoder.label(labels);
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
        transcoder.run(arguments, logs, "join", "Joining the " + files.size() + " inputs", Math.max(seconds, 0.001), control);
        if (!Files.isRegularFile(joined)) {
            throw new JobFailedException(JobFailedException.UNKNOWN, "Joining the " + files.size()
                    + " inputs wrote no file");
        }
    }
}
