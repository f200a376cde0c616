package dev.reelforge.local.apigateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches request paths against API Gateway resource paths: {@code {name}} takes one segment,
 * {@code {name+}} takes the rest of the path. A REST API splits the path as sent, before any percent-decoding, so
 * {@code %2F} stays inside its segment ({@code /probe/https%3A%2F%2Fa.test%2Fv.mp4} is one {@code {url}}); a
 * literal segment is compared once decoded, and parameters are handed over as sent, still percent-encoded (the
 * Lambda proxy integration's {@code path} and {@code pathParameters}), for the function to decode.
 */
final class PathTemplate {

    private PathTemplate() {}

    static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    /** The path parameters when {@code path} (segments as sent, percent-encoded) matches {@code template}. */
    static Optional<Map<String, String>> match(List<String> template, List<String> path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= path.size()) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 2), String.join("/", path.subList(i, path.size())));
                return Optional.of(parameters);
            }
            if (i >= path.size()) {
                return Optional.empty();
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(decoded(path.get(i)))) {
                return Optional.empty();
            }
        }
        return template.size() == path.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * A segment percent-decoded as UTF-8; null for one that is not (the request reader refuses those before
     * routing), which matches no literal.
     */
    static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && Character.digit(segment.charAt(i + 1), 16) >= 0
                    && Character.digit(segment.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(segment, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Lower is more specific: literal segments beat parameters, which beat greedy parameters. */
    static int specificity(List<String> template) {
        int score = 0;
        for (String part : template) {
            score = score * 3 + (part.endsWith("+}") ? 2 : part.startsWith("{") ? 1 : 0);
        }
        return score;
    }
}
