package dev.reelforge.local.mediaconvert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a request body and where it is ({@code /settings/outputGroups/0}), for reading settings while
 * refusing, by path, everything the local MediaConvert does not honour.
 */
final class JsonPath {

    private static final int MAX_VALUE_CHARS = 80;

    private final JsonNode node;
    private final String path;

    private JsonPath(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonPath root(JsonNode node) {
        return new JsonPath(node, "");
    }

    String path() {
        return path.isEmpty() ? "/" : path;
    }

    JsonNode node() {
        return node;
    }

    boolean present() {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    JsonPath field(String name) {
        return new JsonPath(present() ? node.get(name) : null, path + "/" + name);
    }

    JsonPath item(int index) {
        return new JsonPath(present() && node.isArray() ? node.get(index) : null, path + "/" + index);
    }

    /** The object, refusing any field not in {@code allowed}. */
    JsonPath object(Set<String> allowed) {
        if (!node.isObject()) {
            throw invalid("expected an object");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw field(field.getKey()).unsupported();
            }
        }
        return this;
    }

    JsonPath requiredObject(Set<String> allowed) {
        return required().object(allowed);
    }

    Optional<JsonPath> optionalObject(Set<String> allowed) {
        return present() ? Optional.of(object(allowed)) : Optional.empty();
    }

    JsonPath required() {
        if (!present()) {
            throw new InvalidJobException(path() + ": a value is required");
        }
        return this;
    }

    List<JsonPath> array(int min, int max) {
        if (!present()) {
            if (min > 0) {
                throw new InvalidJobException(path() + ": a value is required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("expected an array");
        }
        if (node.size() < min) {
            throw invalid("expected at least " + min + " item" + (min == 1 ? "" : "s"));
        }
        if (node.size() > max) {
            throw new InvalidJobException(path() + ": " + node.size() + " items are not supported by the local"
                    + " MediaConvert (at most " + max + ")");
        }
        List<JsonPath> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new JsonPath(node.get(i), path + "/" + i));
        }
        return items;
    }

    /** An object of named entries, as {@code audioSelectors} and {@code userMetadata} are. */
    List<Map.Entry<String, JsonPath>> entries() {
        if (!present()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw invalid("expected an object");
        }
        List<Map.Entry<String, JsonPath>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            entries.add(Map.entry(field.getKey(), new JsonPath(field.getValue(), path + "/" + field.getKey())));
        }
        return entries;
    }

    Optional<String> text() {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid("expected a string");
        }
        return Optional.of(node.textValue());
    }

    String requiredText() {
        String text = required().text().orElseThrow();
        if (text.isBlank()) {
            throw invalid("expected a non-empty string");
        }
        return text;
    }

    /** An enumeration's value, refusing the values the local MediaConvert does not honour. */
    Optional<String> choice(Set<String> supported) {
        Optional<String> value = text();
        if (value.isPresent() && !supported.contains(value.get())) {
            throw unsupported();
        }
        return value;
    }

    Optional<Integer> integer(long min, long max) {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid("expected an integer");
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw new InvalidJobException(path() + ": " + value + " is out of range (" + min + " to " + max + ")");
        }
        return Optional.of(value);
    }

    /** A number, integral or not (the SDK writes {@code gopSize} as {@code 10.0}). */
    Optional<Double> number(double min, double max) {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw invalid("expected a number");
        }
        double value = node.doubleValue();
        if (value < min || value > max) {
            throw new InvalidJobException(path() + ": " + shown() + " is out of range (" + min + " to " + max + ")");
        }
        return Optional.of(value);
    }

    int requiredInteger(long min, long max) {
        return required().integer(min, max).orElseThrow();
    }

    InvalidJobException unsupported() {
        return new InvalidJobException(path() + ": " + shown() + " is not supported by the local MediaConvert");
    }

    InvalidJobException invalid(String expectation) {
        return new InvalidJobException(path() + ": " + expectation + ", got " + shown());
    }

    private String shown() {
        if (!present()) {
            return "nothing";
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "..." : text;
    }

    static Set<String> names(String... names) {
        return new HashSet<>(List.of(names));
    }
}
