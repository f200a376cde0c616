package dev.reelforge.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * EventBridge's event pattern matching, as EventBridge rules and Lambda event filters use it: every key
 * of the pattern must be in the event; a list of values matches a field equal to one of them (or
 * satisfying a {@code prefix}/{@code exists}/{@code anything-but} matcher); a nested object matches
 * a nested object field by field.
 */
public final class EventPattern {

    private EventPattern() {}

    public static boolean matches(Map<String, Object> pattern, JsonNode event) {
        for (Map.Entry<String, Object> rule : pattern.entrySet()) {
            JsonNode field = event.get(rule.getKey());
            if (rule.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nestedPattern = (Map<String, Object>) nested;
                if (field == null || !field.isObject() || !matches(nestedPattern, field)) {
                    return false;
                }
            } else if (rule.getValue() instanceof List<?> allowed) {
                if (allowed.stream().noneMatch(value -> valueMatches(value, field))) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("pattern values must be lists or objects: " + rule);
            }
        }
        return true;
    }

    private static boolean valueMatches(Object allowed, JsonNode field) {
        if (allowed instanceof Map<?, ?> matcher) {
            if (matcher.containsKey("exists")) {
                return Boolean.TRUE.equals(matcher.get("exists")) == (field != null && !field.isNull());
            }
            if (field == null || !field.isValueNode()) {
                return false;
            }
            if (matcher.containsKey("prefix")) {
                return field.asText().startsWith(String.valueOf(matcher.get("prefix")));
            }
            if (matcher.containsKey("anything-but")) {
                Object excluded = matcher.get("anything-but");
                List<?> values = excluded instanceof List<?> list ? list : List.of(excluded);
                return values.stream().noneMatch(value -> String.valueOf(value).equals(field.asText()));
            }
            throw new IllegalArgumentException("the embedded stack does not match " + matcher);
        }
        if (field == null) {
            return allowed == null;
        }
        if (field.isArray()) {
            for (JsonNode item : field) {
                if (valueMatches(allowed, item)) {
                    return true;
                }
            }
            return false;
        }
        if (allowed instanceof Number number && field.isNumber()) {
            return number.doubleValue() == field.asDouble();
        }
        return field.isValueNode() && String.valueOf(allowed).equals(field.asText());
    }
}
