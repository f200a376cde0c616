package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies an edit's {@code merge} fields: every {@code {{KEY}}} placeholder in a string value is replaced
 * by the field whose {@code find} is {@code KEY}. A string that is exactly one placeholder takes the
 * replacement with its JSON type, so {@code "length": "{{LEN}}"} with {@code 5} becomes a number; inside
 * longer text the replacement is written as text. Unknown placeholders are left as they are, and the
 * {@code merge} array itself is kept unchanged.
 */
public final class MergeFields {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private MergeFields() {}

    /** Returns the merged document, or {@code edit} itself when it has no merge fields. */
    public static JsonNode apply(JsonNode edit) {
        Map<String, JsonNode> fields = fieldsOf(edit);
        if (fields.isEmpty()) {
            return edit;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> property : edit.properties()) {
            merged.set(property.getKey(), property.getKey().equals("merge")
                    ? property.getValue()
                    : replace(property.getValue(), fields));
        }
        return merged;
    }

    private static Map<String, JsonNode> fieldsOf(JsonNode edit) {
        Map<String, JsonNode> fields = new HashMap<>();
        JsonNode merge = edit.path("merge");
        for (JsonNode field : merge) {
            JsonNode find = field.path("find");
            JsonNode replace = field.get("replace");
            if (find.isTextual() && replace != null) {
                fields.put(find.textValue(), replace);
            }
        }
        return fields;
    }

    private static JsonNode replace(JsonNode node, Map<String, JsonNode> fields) {
        if (node.isTextual()) {
            return replaceInText(node.textValue(), fields);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(property -> copy.set(property.getKey(), replace(property.getValue(), fields)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(item -> copy.add(replace(item, fields)));
            return copy;
        }
        return node;
    }

    private static JsonNode replaceInText(String text, Map<String, JsonNode> fields) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches() && fields.containsKey(whole.group(1))) {
            return fields.get(whole.group(1)).deepCopy();
        }
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder merged = new StringBuilder();
        boolean changed = false;
        while (placeholders.find()) {
            JsonNode replacement = fields.get(placeholders.group(1));
            String substitute = replacement == null ? placeholders.group()
                    : replacement.isTextual() ? replacement.textValue() : replacement.toString();
            changed |= replacement != null;
            placeholders.appendReplacement(merged, Matcher.quoteReplacement(substitute));
        }
        if (!changed) {
            return JsonNodeFactory.instance.textNode(text);
        }
        placeholders.appendTail(merged);
        return JsonNodeFactory.instance.textNode(merged.toString());
    }
}
