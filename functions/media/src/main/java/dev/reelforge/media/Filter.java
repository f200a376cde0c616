package dev.reelforge.media;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One ffmpeg filter and its options, written the way the filtergraph parser reads them back. A value passes
 * two parsers: the option parser (values split on {@code :}, quoted with {@code '...'}) and, around it, the
 * graph parser (filters split on {@code , ; [ ]}, with its own quoting); each level is escaped in turn, so
 * file names, expressions with commas and colours with {@code @} arrive unchanged.
 */
final class Filter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+\\-/@]*");

    private final String name;
    private final List<String> options = new ArrayList<>();

    private Filter(String name) {
        this.name = name;
    }

    static Filter of(String name) {
        return new Filter(name);
    }

    Filter with(String key, String value) {
        options.add(key + "=" + quoted(value));
        return this;
    }

    Filter with(String key, double value) {
        return with(key, number(value));
    }

    Filter with(String key, long value) {
        return with(key, Long.toString(value));
    }

    /** An unnamed option, for filters that take their argument as one string (pan). */
    Filter positional(String value) {
        options.add(quoted(value));
        return this;
    }

    /** Shown only while {@code expression} (of {@code t}) is non-zero: ffmpeg's timeline editing. */
    Filter enabledWhen(String expression) {
        return with("enable", expression);
    }

    String render() {
        if (options.isEmpty()) {
            return name;
        }
        return name + "=" + escapedForGraph(String.join(":", options));
    }

    @Override
    public String toString() {
        return render();
    }

    /**
     * {@code seconds} in ticks of the stream's time base, for {@code setpts}. setpts truncates its value to a whole
     * tick, and a time that falls on one can come out a hair under it in floating point (1.16 s / (1/25 s) =
     * 28.999...): at 1/fps that drew a frame one frame early, so a still's tweens lagged a frame at some frames
     * (two frames with the same time, the second never shown).
     */
    static String ticks(double seconds) {
        return "floor(" + number(seconds) + "/TB+0.000001)";
    }

    /** A number as ffmpeg reads it: no exponent, at most six decimals, no trailing zeros. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String text = decimal.toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static String quoted(String value) {
        if (PLAIN.matcher(value).matches() && !value.isEmpty()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String escapedForGraph(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '\'' || c == '[' || c == ']' || c == ',' || c == ';') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
