package dev.reelforge.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;

/** Untrusted JSON text from a client, read into a tree or described as malformed in words fit to show them. */
public sealed interface JsonDocument {

    record Parsed(JsonNode tree) implements JsonDocument {}

    /** Why the text is not JSON, e.g. "unexpected end of input at line 3, column 1". */
    record Malformed(String reason) implements JsonDocument {}

    static JsonDocument parse(String text) {
        if (text == null || text.isBlank()) {
            return new Malformed("is empty");
        }
        try {
            return new Parsed(Json.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return new Malformed(describe(e));
        }
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
