package dev.reelforge.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.url.FetchableUrl;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON string, optionally limited to a list of values, a pattern, or an absolute URL with given schemes.
 * Built by chaining: {@code Schemas.string().oneOf("auto", "end")}.
 */
public record StringSchema(List<String> allowed, Pattern pattern, String patternDescription, Set<String> urlSchemes,
        boolean nonEmpty, int maxLength) implements Schema {

    public static final int DEFAULT_MAX_LENGTH = 65_536;

    public StringSchema {
        allowed = List.copyOf(allowed);
        urlSchemes = Set.copyOf(urlSchemes);
    }

    public static StringSchema any() {
        return new StringSchema(List.of(), null, null, Set.of(), false, DEFAULT_MAX_LENGTH);
    }

    public StringSchema oneOf(String... values) {
        return new StringSchema(List.of(values), pattern, patternDescription, urlSchemes, nonEmpty, maxLength);
    }

    public StringSchema matching(Pattern regex, String description) {
        return new StringSchema(allowed, regex, description, urlSchemes, nonEmpty, maxLength);
    }

    /**
     * An absolute URL whose scheme is one of {@code schemes} (lowercase), read as the service will fetch it:
     * {@link FetchableUrl}, which refuses hosts not written canonically.
     */
    public StringSchema url(String... schemes) {
        return new StringSchema(allowed, pattern, patternDescription, Set.of(schemes), true, maxLength);
    }

    public StringSchema notEmpty() {
        return new StringSchema(allowed, pattern, patternDescription, urlSchemes, true, maxLength);
    }

    public StringSchema maxLength(int characters) {
        return new StringSchema(allowed, pattern, patternDescription, urlSchemes, nonEmpty, characters);
    }

    @Override
    public void check(JsonNode value, JsonPath path, Violations violations) {
        if (!value.isTextual()) {
            violations.add(path, "must be " + expectation());
            return;
        }
        String text = value.textValue();
        if (text.length() <= maxLength && violations.standIns().holdsStandIn(text)) {
            return; // text either way, but which text is known only once it is merged
        }
        if (!allowed.isEmpty()) {
            if (!allowed.contains(text)) {
                violations.add(path, "must be " + expectation());
            }
            return;
        }
        if (nonEmpty && text.isBlank()) {
            violations.add(path, "must not be empty");
        } else if (text.length() > maxLength) {
            violations.add(path, "must be at most " + maxLength + " characters long");
        } else if (pattern != null && !pattern.matcher(text).matches()) {
            violations.add(path, "must be " + patternDescription);
        } else if (!urlSchemes.isEmpty()
                && FetchableUrl.read(text, urlSchemes) instanceof FetchableUrl.Reading.Refused refused) {
            violations.add(path, refused.problem());
        }
    }

    @Override
    public boolean acceptsTypeOf(JsonNode value) {
        return value.isTextual();
    }

    @Override
    public String expectation() {
        if (!allowed.isEmpty()) {
            return "one of: " + String.join(", ", allowed);
        }
        if (!urlSchemes.isEmpty()) {
            return "an absolute " + String.join(" or ", urlSchemes.stream().sorted().toList()) + " URL";
        }
        if (pattern != null) {
            return patternDescription;
        }
        return "a string";
    }
}
