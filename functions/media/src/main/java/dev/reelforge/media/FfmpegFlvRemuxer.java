package dev.reelforge.media;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes an FLV of a video file with ffmpeg. FLV holds H.264 video and AAC or MP3 sound, which is what Reelforge's
 * renders are (H.264 and AAC), so their streams are copied as they are ({@code -c copy}: no quality lost, seconds
 * for a long video), in one ffmpeg run. Only when FLV's muxer refuses that is the file probed, and a stream FLV cannot
 * hold re-encoded (H.264 with libx264, AAC), the other still copied; MP3 is copied only at the rates FLV's muxer
 * takes (44.1, 22.05, 11.025 and, for MP3, 48 kHz). The file gets a keyframe index in its
 * metadata ({@code add_keyframe_index}), so a player can seek in it before it has all of it.
 */
public final class FfmpegFlvRemuxer {

    /** What remuxing came to. */
    public sealed interface Outcome {

        /** The FLV is written; which streams were copied as they were (absent streams count as copied). */
        record Made(boolean videoCopied, boolean audioCopied) implements Outcome {}

        /** The input cannot be made into an FLV; {@code reason} is for the logs. */
        record Failed(String reason) implements Outcome {}
    }

    private static final int STDERR_LIMIT_BYTES = 64 * 1024;
    /** FLV names 44.1, 22.05 and 11.025 kHz; ffmpeg's muxer also takes MP3 at 48 kHz (its frames say their rate). */
    private static final Set<Integer> FLV_MP3_RATES = Set.of(48000, 44100, 22050, 11025);

    private final FfmpegProcess ffmpeg;
    private final FfmpegMediaProbe probe;
    private final Duration timeout;

    /** @param timeout how long one file may take, probe and remux each */
    public FfmpegFlvRemuxer(Path ffmpeg, Duration timeout) {
        this.ffmpeg = new FfmpegProcess(ffmpeg, timeout, STDERR_LIMIT_BYTES);
        this.probe = new FfmpegMediaProbe(ffmpeg, timeout);
        this.timeout = timeout;
    }

    public Outcome remux(Path video, Path flv) {
        // The usual case first, in one ffmpeg run: streams FLV holds are copied. The FLV muxer refuses any other
        // codec (and MP3 at other rates), and only then is the file probed to re-encode what must be.
        FfmpegProcess.Outcome copied = ffmpeg.run(copyArguments(video, flv), null);
        if (copied.succeeded()) {
            return new Outcome.Made(true, true);
        }
        MediaInfo info = switch (probe.probe(video)) {
            case MediaProbe.ProbeResult.Probed probed -> probed.info();
            case MediaProbe.ProbeResult.Unreadable unreadable -> null;
        };
        if (info == null || (!info.hasVideo() && !info.hasAudio())) {
            return new Outcome.Failed("the video's file has no stream ffmpeg can read");
        }
        boolean copyVideo = info.video().map(stream -> stream.codec().equals("h264")).orElse(true);
        boolean copyAudio = info.audio().map(FfmpegFlvRemuxer::flvCanHold).orElse(true);
        FfmpegProcess.Outcome outcome = ffmpeg.run(arguments(video, flv, info, copyVideo, copyAudio), null);
        if (outcome.timedOut()) {
            return new Outcome.Failed("ffmpeg did not finish the FLV within " + timeout.toSeconds() + " s");
        }
        if (!outcome.succeeded()) {
            return new Outcome.Failed("ffmpeg could not make the FLV: " + lastLine(outcome.stderr()));
        }
        return new Outcome.Made(copyVideo, copyAudio);
    }

    private static boolean flvCanHold(MediaInfo.AudioStream audio) {
        return audio.codec().equals("aac") || (audio.codec().equals("mp3") && FLV_MP3_RATES.contains(audio.sampleRate()));
    }

    /** The first video and audio stream, whichever there are, copied. */
    private static List<String> copyArguments(Path video, Path flv) {
        return List.of("-hide_banner", "-nostdin", "-y", "-v", "error", "-i", "file:" + video.toAbsolutePath(),
                "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy",
                "-flvflags", "add_keyframe_index", "-f", "flv", "file:" + flv.toAbsolutePath());
    }

    private static List<String> arguments(Path video, Path flv, MediaInfo info, boolean copyVideo, boolean copyAudio) {
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-v", "error",
                // "file:" keeps a name with a colon from being taken for a protocol
                "-i", "file:" + video.toAbsolutePath()));
        Optional<MediaInfo.VideoStream> picture = info.video();
        if (picture.isPresent()) {
            arguments.addAll(List.of("-map", "0:v:0"));
            arguments.addAll(copyVideo ? List.of("-c:v", "copy")
                    : List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"));
        }
        if (info.hasAudio()) {
            arguments.addAll(List.of("-map", "0:a:0"));
            arguments.addAll(copyAudio ? List.of("-c:a", "copy") : List.of("-c:a", "aac", "-b:a", "160k"));
        }
        arguments.addAll(List.of("-flvflags", "add_keyframe_index", "-f", "flv", "file:" + flv.toAbsolutePath()));
        return arguments;
    }

    private static String lastLine(String stderr) {
        String[] lines = stderr.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(it said nothing)" : lines[lines.length - 1];
    }
}
