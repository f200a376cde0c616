package dev.reelforge.local.apigateway;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches request paths against API Gateway resource paths: {@code {name}} takes one segment,
 * {@code {name+}} takes the rest of the path.
 */
final class PathTemplate {

    private PathTemplate() {}

    static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    /** The path parameters when {@code path} matches {@code template}. */
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
            } else if (!part.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return template.size() == path.size() ? Optional.of(parameters) : Optional.empty();
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
