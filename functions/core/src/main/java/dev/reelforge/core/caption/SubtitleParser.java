package dev.reelforge.core.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads SubRip ({@code .srt}) and WebVTT ({@code .vtt}) subtitles into {@link Cue}s. A file starting with
 * {@code WEBVTT} is WebVTT, any other SubRip. One pass over the lines, no backtracking: the time taken grows
 * with the file's length only (files are bounded at {@link #MAX_BYTES} before they are read, and at
 * {@link #MAX_CUES} cues).
 *
 * <p>SubRip: blocks separated by blank lines, each an optional cue number, a timing line
 * {@code 00:00:01,000 --> 00:00:02,500} (a {@code .} before the milliseconds is accepted too) and the text.
 * WebVTT: the {@code WEBVTT} header, then blocks: {@code NOTE}, {@code STYLE} and {@code REGION} blocks are
 * skipped, a cue is an optional identifier, a timing line {@code [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt} (cue
 * settings after it are ignored) and the text. Markup ({@code <i>}, {@code <v Name>}, {@code {\an8}}) is
 * removed and the usual entities decoded; WebVTT's inline timestamps time the words that follow them.
 * Anything else is reported with the line it is on: a block whose first line is neither a number, an
 * identifier followed by a timing line, nor a timing line; a time that is not {@code hh:mm:ss}; a cue that
 * ends before it starts.
 */
public final class SubtitleParser {

    /** Subtitle files are text: a megabyte holds hours of dialogue. */
    public static final long MAX_BYTES = 1024 * 1024;
    /** Each cue is drawn by its own filters; this keeps the composition's graph bounded. */
    public static final int MAX_CUES = 2000;

    private static final String SRT_TIMING = "a timing line such as 00:00:01,000 --> 00:00:02,500";
    private static final String VTT_TIMING = "a timing line such as 00:00:01.000 --> 00:00:02.500";

    private final List<String> lines;
    private final boolean vtt;
    private final List<Cue> cues = new ArrayList<>();
    private int next;

    private SubtitleParser(String text) {
        this.lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        String first = lines.isEmpty() ? "" : lines.get(0);
        this.vtt = first.equals("WEBVTT") || first.startsWith("WEBVTT ") || first.startsWith("WEBVTT\t");
    }

    /** SubRip, WebVTT, or (a file starting with {@code <}) TTML/DFXP, read by {@link TtmlParser}. */
    public static SubtitleParsing parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.stripLeading().startsWith("<")) {
            return TtmlParser.parse(content);
        }
        return new SubtitleParser(text).parse();
    }

    /** Thrown inside the parser only, to stop at the first malformed line. */
    private static final class MalformedLine extends RuntimeException {
        final int line;

        MalformedLine(int line, String problem) {
            super(problem, null, false, false);
            this.line = line;
        }
    }

    private SubtitleParsing parse() {
        try {
            if (vtt) {
                next = 1;
                skipBlock();
            }
            while (true) {
                skipBlankLines();
                if (next >= lines.size()) {
                    break;
                }
                block();
            }
            if (cues.isEmpty()) {
                return new SubtitleParsing.Malformed(Math.max(1, lines.size()), "the file holds no cues");
            }
            return new SubtitleParsing.Parsed(cues);
        } catch (MalformedLine malformed) {
            return new SubtitleParsing.Malformed(malformed.line, malformed.getMessage());
        }
    }

    private void block() {
        String first = lines.get(next);
        if (vtt && (keyword(first, "NOTE") || keyword(first, "STYLE") || keyword(first, "REGION"))) {
            skipBlock();
            return;
        }
        if (!first.contains("-->")) {
            if (!vtt && !first.strip().chars().allMatch(Character::isDigit)) {
                throw new MalformedLine(next + 1, "expected a cue number or " + SRT_TIMING);
            }
            next++;
            if (next >= lines.size() || lines.get(next).isBlank() || !lines.get(next).contains("-->")) {
                throw new MalformedLine(Math.min(next, lines.size() - 1) + 1, "expected "
                        + (vtt ? VTT_TIMING : SRT_TIMING) + " after the cue " + (vtt ? "identifier" : "number"));
            }
        }
        int timingLine = next + 1;
        String timing = lines.get(next++);
        int arrow = timing.indexOf("-->");
        double start = time(timing.substring(0, arrow).strip(), timingLine);
        String rest = timing.substring(arrow + 3).strip();
        int space = 0;
        while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
            space++;
        }
        double end = time(rest.substring(0, space), timingLine);
        if (end < start) {
            throw new MalformedLine(timingLine, "the cue ends before it starts");
        }
        List<String> payload = new ArrayList<>();
        while (next < lines.size() && !lines.get(next).isBlank()) {
            payload.add(lines.get(next++));
        }
        if (cues.size() == MAX_CUES) {
            throw new MalformedLine(timingLine, "more than " + MAX_CUES + " cues");
        }
        cues.add(CueText.cue(start, end, String.join("\n", payload)));
    }

    /** {@code [hh:]mm:ss[.,]ttt}; hours may be omitted in WebVTT only. */
    private double time(String text, int line) {
        OptionalDouble seconds = timestamp(text, !vtt);
        if (seconds.isEmpty()) {
            throw new MalformedLine(line, "'" + shortened(text) + "' is not a time; expected "
                    + (vtt ? VTT_TIMING : SRT_TIMING));
        }
        return seconds.getAsDouble();
    }

    /** A timestamp's seconds, or empty if it is not one. */
    static OptionalDouble timestamp(String text, boolean hoursRequired) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || (hoursRequired && parts.length != 3)) {
            return OptionalDouble.empty();
        }
        int separator = Math.max(parts[parts.length - 1].indexOf('.'), parts[parts.length - 1].indexOf(','));
        String wholeSeconds = separator < 0 ? parts[parts.length - 1] : parts[parts.length - 1].substring(0, separator);
        String fraction = separator < 0 ? "" : parts[parts.length - 1].substring(separator + 1);
        long hours = parts.length == 3 ? digits(parts[0], 1, 6) : 0;
        long minutes = digits(parts[parts.length - 2], 1, 2);
        long seconds = digits(wholeSeconds, 1, 2);
        long millis = fraction.isEmpty() && separator < 0 ? 0 : digits(fraction, 1, 3);
        if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || millis < 0) {
            return OptionalDouble.empty();
        }
        double fractionSeconds = millis / Math.pow(10, fraction.length());
        return OptionalDouble.of(hours * 3600 + minutes * 60 + seconds + fractionSeconds);
    }

    /** The number written with {@code min} to {@code max} ASCII digits, or -1. */
    private static long digits(String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private void skipBlankLines() {
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
    }

    private void skipBlock() {
        while (next < lines.size() && !lines.get(next).isBlank()) {
            next++;
        }
    }

    private static boolean keyword(String line, String keyword) {
        return line.equals(keyword) || line.startsWith(keyword + " ") || line.startsWith(keyword + "\t");
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The text's lines, split at {@code \n}, {@code \r\n} or {@code \r}. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
