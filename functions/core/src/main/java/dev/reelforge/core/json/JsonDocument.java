package dev.reelforge.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.JsonPath;
import java.util.Map;
import java.util.Optional;

/** Untrusted JSON text from a client, read into a tree or described as malformed in words fit to show them. */
public sealed interface JsonDocument {

    record Parsed(JsonNode tree) implements JsonDocument {}

    /** Why the text is not JSON, e.g. "unexpected end of input at line 3, column 1". */
    record Malformed(String reason) implements JsonDocument {}

    static JsonDocument parse(String text) {
        if (text == null || text.isBlank()) {
            return new Malformed("is empty");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Malformed(describe(e));
        }
        return numberOutOfRange(tree, JsonPath.ROOT)
                .<JsonDocument>map(path -> new Malformed("has a number too large to be read as one"
                        + (path.isRoot() ? "" : ", at " + path)))
                .orElseGet(() -> new Parsed(tree));
    }

    /**
     * Where the tree holds a number beyond a double's range (1e400, or 400 digits): JSON allows it, but it would
     * be read as infinity, and written back as the string "Infinity", so the document stored would not be the
     * one sent.
     */
    private static Optional<JsonPath> numberOutOfRange(JsonNode node, JsonPath path) {
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue()) ? Optional.empty() : Optional.of(path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                Optional<JsonPath> found = numberOutOfRange(property.getValue(), path.property(property.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<JsonPath> found = numberOutOfRange(node.get(i), path.index(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(JsonProcessingException e) {
        String what;
        if (e instanceof JsonEOFException) {
            what = "ends unexpectedly";
        } else if (e instanceof StreamConstraintsException) {
            what = "is nested more than " + Json.MAX_NESTING_DEPTH + " levels deep";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            what = "repeats a property name";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            what = "has content after the JSON value";
        } else {
            what = "has an unexpected character";
        }
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "is not valid JSON: it " + what;
        }
        return "is not valid JSON: it " + what + " at line " + location.getLineNr() + ", column "
                + location.getColumnNr();
    }
}
