package dev.reelforge.core.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A cue's payload made plain: tags ({@code <i>}, {@code <v Name>}, {@code <c.loud>}) and SubRip's
 * {@code {\an8}} overrides removed, {@code &amp; &lt; &gt; &nbsp; &lrm; &rlm;} decoded, one scan. WebVTT's
 * inline timestamps ({@code <00:00:01.250>}) start the words after them; words before the first one start
 * with the cue, and the words between two timestamps share that time evenly.
 */
final class CueText {

    private CueText() {}

    /** Text spoken from {@code start} on. */
    private record Segment(double start, StringBuilder text) {}

    static Cue cue(double start, double end, String payload) {
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(start, new StringBuilder()));
        StringBuilder plain = new StringBuilder(payload.length());
        // The next '>' and '}' at or after the scan, each searched for again only once the scan passes it: linear.
        int nextAngle = -1;
        int nextBrace = -1;
        int i = 0;
        while (i < payload.length()) {
            char c = payload.charAt(i);
            if (nextAngle != Integer.MAX_VALUE && nextAngle <= i) {
                nextAngle = found(payload.indexOf('>', i + 1));
            }
            if (nextBrace != Integer.MAX_VALUE && nextBrace <= i) {
                nextBrace = found(payload.indexOf('}', i + 1));
            }
            int close;
            if (c == '<' && (close = nextAngle) != Integer.MAX_VALUE) {
                OptionalDouble at = SubtitleParser.timestamp(payload.substring(i + 1, close), false);
                if (at.isPresent() && at.getAsDouble() >= segments.getLast().start() && at.getAsDouble() <= end) {
                    segments.add(new Segment(at.getAsDouble(), new StringBuilder()));
                }
                i = close + 1;
            } else if (c == '{' && i + 1 < payload.length() && payload.charAt(i + 1) == '\\'
                    && (close = nextBrace) != Integer.MAX_VALUE) {
                i = close + 1;
            } else if (c == '&') {
                int semicolon = payload.substring(i + 1, Math.min(payload.length(), i + 7)).indexOf(';') + i + 1;
                String entity = semicolon > i ? payload.substring(i + 1, semicolon) : "";
                String decoded = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "nbsp" -> " ";
                    case "lrm", "rlm" -> "";
                    default -> null;
                };
                String written = decoded == null ? "&" : decoded;
                plain.append(written);
                segments.getLast().text().append(written);
                i = decoded == null ? i + 1 : semicolon + 1;
            } else {
                plain.append(c);
                segments.getLast().text().append(c);
                i++;
            }
        }
        String text = plain.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
        if (segments.size() == 1) {
            return Cue.evenlyTimed(start, end, text);
        }
        List<Cue.Word> words = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            double segmentEnd = s + 1 < segments.size() ? segments.get(s + 1).start() : end;
            words.addAll(Cue.evenlyTimed(segments.get(s).start(), segmentEnd, segments.get(s).text().toString())
                    .words());
        }
        return new Cue(start, end, text, words);
    }

    private static int found(int index) {
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
