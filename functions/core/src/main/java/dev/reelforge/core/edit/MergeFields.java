package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.Placeholders.Placeholder;
import dev.reelforge.core.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies an edit's {@code merge} fields: every {@code {{KEY}}} placeholder in a string value is replaced
 * by the field whose {@code find} is {@code KEY} (spaces inside the braces are allowed: {@code {{ KEY }}}).
 * A string that is exactly one placeholder takes the replacement with its JSON type, so
 * {@code "length": "{{LEN}}"} with {@code 5} becomes a number; inside longer text the replacement is written
 * as text. Unknown placeholders are left as they are, replacements are not merged again, and the
 * {@code merge} array itself is kept unchanged.
 *
 * <p>Merging multiplies: ten thousand placeholders of one 100 KB replacement make a gigabyte. So the merged
 * edit's size is computed first, from the sizes of the parts and the replacements (no merged text is built),
 * and an edit that would be larger than {@link #MAX_MERGED_BYTES} is not merged at all.
 */
public final class MergeFields {

    /**
     * The largest merged edit, in bytes of its compact JSON in UTF-8. A render is one DynamoDB item, at most
     * 400 KB (409,600 bytes): an edit that would not fit one merged is no edit a render could hold, and 16 KiB
     * are left for the rest of the item (keys, status, times, claim, job, outputs, three signed URLs, error).
     */
    public static final long MAX_MERGED_BYTES = 384 * 1024;

    /** What merging an edit gives. */
    public sealed interface Merging {

        record Merged(JsonNode edit) implements Merging {}

        /** The merged edit would take {@code bytes} bytes, more than {@link #MAX_MERGED_BYTES}. */
        record TooLarge(long bytes) implements Merging {

            /** Said of {@code merge}: "would make the edit … bytes long, more than the … allowed". */
            public String problem() {
                return "would make the edit " + bytes + " bytes long, more than the " + MAX_MERGED_BYTES + " allowed";
            }
        }
    }

    private MergeFields() {}

    /** The merged document ({@code edit} itself when it has no merge fields), or how large it would be. */
    public static Merging merge(JsonNode edit) {
        Map<String, JsonNode> fields = fieldsOf(edit);
        if (fields.isEmpty()) {
            return new Merging.Merged(edit);
        }
        long bytes = new MergedSize(fields).ofEdit(edit);
        if (bytes > MAX_MERGED_BYTES) {
            return new Merging.TooLarge(bytes);
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> property : edit.properties()) {
            merged.set(property.getKey(), property.getKey().equals("merge")
                    ? property.getValue()
                    : replace(property.getValue(), fields));
        }
        return new Merging.Merged(merged);
    }

    /**
     * The merged document of an edit that was accepted at submit, so within the bound.
     *
     * @throws MergedEditTooLargeException when it is not (an edit that never passed {@link EditValidator})
     */
    public static JsonNode apply(JsonNode edit) {
        return switch (merge(edit)) {
            case Merging.Merged merged -> merged.edit();
            case Merging.TooLarge tooLarge -> throw new MergedEditTooLargeException(tooLarge.bytes());
        };
    }

    /** The size {@link #merge} would give, in bytes; exposed for tests, which compare it with the written edit. */
    static long mergedSize(JsonNode edit) {
        Map<String, JsonNode> fields = fieldsOf(edit);
        return new MergedSize(fields).ofEdit(edit);
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
        List<Placeholder> placeholders = Placeholders.in(text);
        JsonNode whole = wholeReplacement(text, placeholders, fields);
        if (whole != null) {
            return whole.deepCopy();
        }
        StringBuilder merged = null;
        int copied = 0;
        for (Placeholder placeholder : placeholders) {
            JsonNode replacement = fields.get(placeholder.key());
            if (replacement != null) {
                if (merged == null) {
                    merged = new StringBuilder();
                }
                merged.append(text, copied, placeholder.start()).append(inline(replacement));
                copied = placeholder.end();
            }
        }
        if (merged == null) {
            return JsonNodeFactory.instance.textNode(text);
        }
        merged.append(text, copied, text.length());
        return JsonNodeFactory.instance.textNode(merged.toString());
    }

    /** The replacement of a text that is exactly one known placeholder, else null. */
    private static JsonNode wholeReplacement(String text, List<Placeholder> placeholders,
            Map<String, JsonNode> fields) {
        if (placeholders.size() != 1) {
            return null;
        }
        Placeholder only = placeholders.getFirst();
        return only.start() == 0 && only.end() == text.length() ? fields.get(only.key()) : null;
    }

    /** A replacement written into longer text: strings as they are, anything else as its JSON. */
    private static String inline(JsonNode replacement) {
        return replacement.isTextual() ? replacement.textValue() : replacement.toString();
    }

    /**
     * The size of the merged edit's compact JSON in UTF-8, computed from its parts: each text's unchanged
     * stretches plus, per placeholder, the size of its replacement (measured once per field). It matches
     * {@link Json#write} byte for byte, except that an unpaired surrogate (which the encoder turns into one
     * {@code ?}) is counted as three bytes, so the size is never under the real one.
     */
    private static final class MergedSize {

        private final Map<String, JsonNode> fields;
        private final Map<String, Long> wholeBytes = new HashMap<>();
        private final Map<String, Long> inlineBytes = new HashMap<>();

        MergedSize(Map<String, JsonNode> fields) {
            this.fields = fields;
        }

        long ofEdit(JsonNode edit) {
            if (!edit.isObject()) {
                return of(edit, true);
            }
            long bytes = 2 + Math.max(0, edit.size() - 1);
            for (Map.Entry<String, JsonNode> property : edit.properties()) {
                bytes += quotedBytes(property.getKey()) + 1
                        + of(property.getValue(), !property.getKey().equals("merge"));
            }
            return bytes;
        }

        private long of(JsonNode node, boolean merging) {
            if (node.isTextual()) {
                return merging ? ofMergedText(node.textValue()) : quotedBytes(node.textValue());
            }
            if (node.isObject()) {
                long bytes = 2 + Math.max(0, node.size() - 1);
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    bytes += quotedBytes(property.getKey()) + 1 + of(property.getValue(), merging);
                }
                return bytes;
            }
            if (node.isArray()) {
                long bytes = 2 + Math.max(0, node.size() - 1);
                for (JsonNode item : node) {
                    bytes += of(item, merging);
                }
                return bytes;
            }
            return Json.write(node).length(); // a number, boolean or null: ASCII, one byte per character
        }

        private long ofMergedText(String text) {
            List<Placeholder> placeholders = Placeholders.in(text);
            if (wholeReplacement(text, placeholders, fields) != null) {
                return wholeBytes.computeIfAbsent(placeholders.getFirst().key(), key -> of(fields.get(key), false));
            }
            long bytes = 2;
            int measured = 0;
            for (Placeholder placeholder : placeholders) {
                JsonNode replacement = fields.get(placeholder.key());
                if (replacement != null) {
                    bytes += escapedBytes(text, measured, placeholder.start())
                            + inlineBytes.computeIfAbsent(placeholder.key(), key -> {
                                String inline = inline(replacement);
                                return escapedBytes(inline, 0, inline.length());
                            });
                    measured = placeholder.end();
                }
            }
            return bytes + escapedBytes(text, measured, text.length());
        }

        private static long quotedBytes(String text) {
            return 2 + escapedBytes(text, 0, text.length());
        }

        /** {@code text[from, to)} as Jackson writes it inside a JSON string, in UTF-8 bytes. */
        private static long escapedBytes(String text, int from, int to) {
            long bytes = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < 0x20) {
                    bytes += c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
                } else if (c == '"' || c == '\\') {
                    bytes += 2;
                } else if (c < 0x80) {
                    bytes += 1;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }
    }
}
