package dev.reelforge.core.edit;

import dev.reelforge.core.edit.Placeholders.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular expression merge fields were found with until it proved to backtrack catastrophically: the
 * reference the scanner must agree with, on texts short enough for it (it takes cubic time on "{{" and spaces).
 */
final class FormerPlaceholderPattern {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private FormerPlaceholderPattern() {}

    static List<Placeholder> in(String text) {
        List<Placeholder> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(new Placeholder(matcher.start(), matcher.end(), matcher.group(1)));
        }
        return found;
    }
}
