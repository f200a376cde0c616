package dev.reelforge.media;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe.ProbeResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code ffmpeg -i <file>} prints about its input (there is no ffprobe where Reelforge runs):
 * the container, its duration and the first video and audio streams.
 *
 * <pre>
 * Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/in.mp4':
 *   Duration: 00:00:02.00, start: 0.000000, bitrate: 311 kb/s
 *   Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 320x180 [SAR 1:1 DAR 16:9], 224 kb/s, 25 fps, ...
 *   Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 74 kb/s (default)
 * </pre>
 *
 * A still image is read by an image demuxer ({@code image2}, {@code png_pipe}, {@code jpeg_pipe}, ...) or is a
 * GIF of one frame (ffmpeg then knows no frame rate); it has a picture and no duration.
 *
 * <p>A picture's size is the one it is shown at: non-square pixels (the {@code SAR}) are widened or
 * narrowed, and a rotation of a quarter turn (a phone's portrait video) swaps width and height, because
 * ffmpeg turns such frames upright when it decodes them and boxes are planned from this size.
 */
final class FfmpegInputDump {

    private static final Pattern INPUT = Pattern.compile("^Input #0, (.+?), from '.*':$");
    private static final Pattern DURATION = Pattern.compile("^\\s+Duration: (?:(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)|N/A)");
    private static final Pattern STREAM = Pattern.compile(
            "^\\s+Stream #0:\\d+(?:\\[0x[0-9a-fA-F]+])?(?:\\([^)]*\\))?: (Video|Audio): (.*)$");
    private static final Pattern CODEC = Pattern.compile("^([^ ,]+)");
    private static final Pattern PICTURE_SIZE = Pattern.compile(", (\\d+)x(\\d+)(?=[ ,]|$)");
    private static final Pattern SAMPLE_ASPECT = Pattern.compile("\\[SAR (\\d+):(\\d+) ");
    private static final Pattern ROTATION = Pattern.compile(
            "^\\s+(?:rotate\\s*: (-?\\d+(?:\\.\\d+)?)$|displaymatrix: rotation of (-?\\d+(?:\\.\\d+)?) degrees)");
    private static final Pattern FPS = Pattern.compile("(?:^|, )(\\d+(?:\\.\\d+)?)(k?) fps(?=,|$| )");
    private static final Pattern TBR = Pattern.compile("(?:^|, )(\\d+(?:\\.\\d+)?)(k?) tbr(?=,|$| )");
    private static final Pattern SOUND = Pattern.compile(", (\\d+) Hz, ([^,]+)");
    private static final Pattern CHANNEL_COUNT = Pattern.compile("^(\\d+) channels?");
    private static final Pattern LAYOUT_NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final Set<String> STILL_DEMUXERS = Set.of("image2");

    private FfmpegInputDump() {}

    /**
     * @param stderr  what ffmpeg printed
     * @param input   the input name as given to ffmpeg, which prefixes its error line
     * @param bytes   the file's size
     */
    static ProbeResult parse(String stderr, String input, long bytes) {
        List<String> lines = stderr.lines().toList();
        String demuxers = null;
        OptionalDouble duration = OptionalDouble.empty();
        MediaInfo.VideoStream video = null;
        boolean videoHasFps = false;
        boolean inVideoStream = false;
        boolean quarterTurned = false;
        MediaInfo.AudioStream audio = null;
        for (String line : lines) {
            Matcher matcher;
            if (demuxers == null) {
                matcher = INPUT.matcher(line);
                if (matcher.matches()) {
                    demuxers = matcher.group(1);
                }
                continue;
            }
            if (line.startsWith("Input #") || line.startsWith("Output #")) {
                break;
            }
            if (inVideoStream && (matcher = ROTATION.matcher(line)).find()) {
                double degrees = Double.parseDouble(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                quarterTurned = Math.abs(Math.round(degrees / 90)) % 2 == 1;
            } else if ((matcher = DURATION.matcher(line)).find()) {
                if (matcher.group(1) != null) {
                    duration = OptionalDouble.of(Integer.parseInt(matcher.group(1)) * 3600.0
                            + Integer.parseInt(matcher.group(2)) * 60.0 + Double.parseDouble(matcher.group(3)));
                }
            } else if (line.stripLeading().startsWith("Stream #")) {
                inVideoStream = false;
                if (!(matcher = STREAM.matcher(line)).find()) {
                    continue;
                }
                String description = matcher.group(2);
                if (matcher.group(1).equals("Video") && video == null && !description.contains("(attached pic)")) {
                    video = picture(description);
                    videoHasFps = FPS.matcher(description).find();
                    inVideoStream = video != null;
                } else if (matcher.group(1).equals("Audio") && audio == null) {
                    audio = sound(description);
                }
            }
        }
        if (video != null && quarterTurned) {
            video = new MediaInfo.VideoStream(video.height(), video.width(), video.fps(), video.codec());
        }
        if (demuxers == null) {
            return new ProbeResult.Unreadable("not a media file ffmpeg can read: " + error(lines, input));
        }
        if (video == null && audio == null) {
            return new ProbeResult.Unreadable("the file has no picture or sound ffmpeg can read");
        }
        if (video != null && audio == null && isStill(demuxers, videoHasFps)) {
            duration = OptionalDouble.empty();
        }
        return new ProbeResult.Probed(new MediaInfo(duration, Optional.ofNullable(video), Optional.ofNullable(audio),
                bytes));
    }

    /** A video stream's codec, displayed size and frame rate (or, lacking one, its tbr); null without a size. */
    private static MediaInfo.VideoStream picture(String description) {
        Matcher size = PICTURE_SIZE.matcher(description);
        if (!size.find()) {
            return null;
        }
        int width = Integer.parseInt(size.group(1));
        Matcher aspect = SAMPLE_ASPECT.matcher(description);
        if (aspect.find()) {
            int across = Integer.parseInt(aspect.group(1));
            int down = Integer.parseInt(aspect.group(2));
            if (across > 0 && down > 0) {
                width = (int) Math.round((double) width * across / down);
            }
        }
        Matcher fps = FPS.matcher(description);
        Matcher tbr = TBR.matcher(description);
        double rate = fps.find() ? rate(fps) : tbr.find() ? rate(tbr) : 0;
        return new MediaInfo.VideoStream(width, Integer.parseInt(size.group(2)), rate, codec(description));
    }

    /** An audio stream's codec, sample rate and channels; null without a rate. */
    private static MediaInfo.AudioStream sound(String description) {
        Matcher sound = SOUND.matcher(description);
        if (!sound.find()) {
            return null;
        }
        return new MediaInfo.AudioStream(Integer.parseInt(sound.group(1)), channels(sound.group(2).trim()),
                codec(description));
    }

    private static boolean isStill(String demuxers, boolean hasFrameRate) {
        for (String demuxer : demuxers.split(",")) {
            if (STILL_DEMUXERS.contains(demuxer) || demuxer.endsWith("_pipe")) {
                return true;
            }
        }
        // A GIF of one frame has no frame rate (ffmpeg needs two frames to see one).
        return demuxers.equals("gif") && !hasFrameRate;
    }

    private static String codec(String description) {
        Matcher matcher = CODEC.matcher(description);
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    private static double rate(Matcher matcher) {
        double value = Double.parseDouble(matcher.group(1));
        return matcher.group(2).isEmpty() ? value : value * 1000;
    }

    /** Channels of a layout as ffmpeg names it: mono, stereo, 5.1(side), quad, "3 channels", ... */
    static int channels(String layout) {
        String name = layout.replaceFirst("\\(.*\\)$", "").toLowerCase(Locale.ROOT);
        Matcher count = CHANNEL_COUNT.matcher(name);
        if (count.find()) {
            return Integer.parseInt(count.group(1));
        }
        Matcher numbers = LAYOUT_NUMBERS.matcher(name);
        if (numbers.find()) {
            return Integer.parseInt(numbers.group(1)) + Integer.parseInt(numbers.group(2));
        }
        return switch (name) {
            case "mono" -> 1;
            case "stereo", "downmix" -> 2;
            case "quad" -> 4;
            case "hexagonal" -> 6;
            case "octagonal", "cube" -> 8;
            case "hexadecagonal" -> 16;
            default -> 2;
        };
    }

    /** ffmpeg's last word on a file it could not open, without the file name it starts with. */
    private static String error(List<String> lines, String input) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String prefix = input + ": ";
            return line.startsWith(prefix) ? line.substring(prefix.length()) : line;
        }
        return "ffmpeg said nothing";
    }
}
