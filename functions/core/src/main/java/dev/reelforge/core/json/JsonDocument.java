package dev.reelforge.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.validation.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/** Untrusted JSON text from a client, read into a tree or described as malformed in words fit to show them. */
public sealed interface JsonDocument {

    record Parsed(JsonNode tree) implements JsonDocument {}

    /**
     * Why the text is not JSON, e.g. "is not valid JSON: it ends unexpectedly at line 3, column 1", and where: the
     * value it concerns when that is known (a number too long to read), else the document itself.
     */
    record Malformed(JsonPath where, String reason) implements JsonDocument {

        public Malformed(String reason) {
            this(JsonPath.ROOT, reason);
        }
    }

    static JsonDocument parse(String text) {
        if (text == null || text.isBlank()) {
            return new Malformed("is empty");
        }
        JsonNode tree;
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            try {
                tree = Json.MAPPER.readTree(parser);
            } catch (StreamConstraintsException e) {
                return beyondLimits(e, parser.getParsingContext());
            } catch (JsonProcessingException e) {
                return new Malformed(describe(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string failed", e);
        }
        return numberOutOfRange(tree, JsonPath.ROOT)
                .<JsonDocument>map(path -> new Malformed(path, "is a number too large to be read as one"))
                .orElseGet(() -> new Parsed(tree));
    }

    /**
     * Where the tree holds a fraction beyond a double's range ({@code 1e400}, or 400 digits and a point): JSON
     * allows it, but it is read as infinity, which is written back as the string "Infinity", so the document
     * stored would not be the one sent. (Integers are read exactly, however long, and written back as sent.)
     */
    private static Optional<JsonPath> numberOutOfRange(JsonNode node, JsonPath path) {
        if (node.isNumber()) {
            return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()) ? Optional.of(path)
                    : Optional.empty();
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

    /**
     * Jackson says which limit was passed only in its message; the tests of this class pin the messages of the
     * Jackson version in use.
     */
    private static Malformed beyondLimits(StreamConstraintsException e, JsonStreamContext context) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Number value length")) {
            return new Malformed(pathOf(context), "is a number longer than " + Json.MAX_NUMBER_LENGTH + " digits");
        }
        if (message.startsWith("Name length")) {
            return new Malformed(pathOf(context),
                    "has a property name longer than " + Json.MAX_NAME_LENGTH + " characters");
        }
        if (message.startsWith("String value length")) {
            return new Malformed(pathOf(context), "is a string longer than this service reads");
        }
        if (message.startsWith("Document nesting depth")) {
            return new Malformed("is not valid JSON: it is nested more than " + Json.MAX_NESTING_DEPTH + " levels deep");
        }
        return new Malformed("is larger than this service reads");
    }

    /** Where the parser was: the property or array element whose value it was reading. */
    private static JsonPath pathOf(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            chain.push(level);
        }
        JsonPath path = JsonPath.ROOT;
        for (JsonStreamContext level : chain) {
            if (level.inArray()) {
                path = path.index(Math.max(level.getCurrentIndex(), 0));
            } else if (level.getCurrentName() != null) {
                path = path.property(level.getCurrentName());
            } else {
                break;
            }
        }
        return path;
    }

    private static String describe(JsonProcessingException e) {
        String what;
        if (e instanceof JsonEOFException) {
            what = "ends unexpectedly";
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
