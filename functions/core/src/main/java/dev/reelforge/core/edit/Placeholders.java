package dev.reelforge.core.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code {{ KEY }}} placeholders in a string: two opening braces, at least one character that is no
 * brace, two closing braces. The key is what stands between them without the spaces, tabs and line breaks
 * around it. This is what the pattern {@code \{\{\s*([^{}]+?)\s*}}} found, scanning left to right, but a
 * regular expression with three quantifiers over the same characters backtracks on an unclosed
 * {@code {{} followed by spaces (cubic time: 2,000 spaces took 16 s). This scanner reads each character at most
 * four times, whatever the text (MergeFieldsTest counts the reads).
 */
final class Placeholders {

    /** One placeholder: {@code text[start, end)} is {@code {{ key }}}. */
    record Placeholder(int start, int end, String key) {}

    private Placeholders() {}

    static List<Placeholder> in(CharSequence text) {
        List<Placeholder> found = new ArrayList<>();
        int length = text.length();
        int from = 0;
        while (true) {
            int open = openingAt(text, from, length);
            if (open < 0) {
                return found;
            }
            // The content: every character up to the next brace.
            int contentEnd = open + 2;
            while (contentEnd < length && !isBrace(text.charAt(contentEnd))) {
                contentEnd++;
            }
            boolean closed = contentEnd > open + 2 && contentEnd + 1 < length
                    && text.charAt(contentEnd) == '}' && text.charAt(contentEnd + 1) == '}';
            if (closed) {
                found.add(new Placeholder(open, contentEnd + 2, keyOf(text, open + 2, contentEnd)));
                from = contentEnd + 2;
            } else {
                // No placeholder starts inside the content (it holds no brace), so the next one starts at
                // its end at the earliest; with no content, one may start at the second brace of "{{{".
                from = contentEnd > open + 2 ? contentEnd : open + 1;
            }
        }
    }

    /** Where the next {@code {{} starts at or after {@code from}, or -1. */
    private static int openingAt(CharSequence text, int from, int length) {
        for (int i = from; i + 1 < length; i++) {
            if (text.charAt(i) == '{') {
                if (text.charAt(i + 1) == '{') {
                    return i;
                }
                i++; // the next character is no brace: no opening starts there either
            }
        }
        return -1;
    }

    /**
     * The content without the whitespace around it. Content that is all whitespace keeps its last character,
     * as the pattern did (its key group needed one character); no merge field can have a blank key.
     */
    private static String keyOf(CharSequence text, int start, int end) {
        int first = start;
        while (first < end && isSpace(text.charAt(first))) {
            first++;
        }
        if (first == end) {
            return text.subSequence(end - 1, end).toString();
        }
        int last = end;
        while (isSpace(text.charAt(last - 1))) {
            last--;
        }
        return text.subSequence(first, last).toString();
    }

    private static boolean isBrace(char c) {
        return c == '{' || c == '}';
    }

    /** The regular expression {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
