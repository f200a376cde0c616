package dev.reelforge.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.JsonDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request body's fields, as the faces whose clients post fields read them: form-encoded
 * ({@code application/x-www-form-urlencoded}, also when no Content-Type is sent) or a JSON object of strings, numbers
 * and booleans. A field sent twice, a nested JSON value, a malformed escape or another media type is refused; each face
 * answers a refusal in its own envelope.
 */
public final class BodyFields {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private BodyFields() {}

    /** What reading the fields came to. */
    public sealed interface Reading {

        record Read(Map<String, String> fields) implements Reading {}

        /** A problem with the body, as a sentence naming the field where there is one. */
        record Refused(String problem) implements Reading {}

        /** A JSON body that is not JSON; {@code reason} is {@link JsonDocument.Malformed#reason()}. */
        record NotJson(String reason) implements Reading {}
    }

    /**
     * @param text        the body, already checked to be UTF-8; empty means no fields
     * @param contentType the Content-Type header, when one was sent
     */
    public static Reading read(String text, Optional<String> contentType) {
        if (text.isEmpty()) {
            return new Reading.Read(Map.of());
        }
        return switch (mediaType(contentType)) {
            case FORM -> formFields(text);
            case JSON -> jsonFields(text);
            default -> new Reading.Refused("the Content-Type header must be " + FORM + " or " + JSON);
        };
    }

    /** The media type a Content-Type header names, lower case; form-encoded when none was sent. */
    public static String mediaType(Optional<String> contentType) {
        return contentType.map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse(FORM);
    }

    /** A field name as a message may quote it: short, and printable ASCII only. */
    public static String quoted(String name) {
        boolean printable = name.length() <= 40 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"');
        return printable ? "\"" + name + "\"" : "(an unprintable or overlong name)";
    }

    private static Reading formFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Reading.Refused("the form body has a malformed %-escape");
            }
            if (fields.putIfAbsent(name, value) != null) {
                return new Reading.Refused("the field " + quoted(name) + " is sent twice");
            }
        }
        return new Reading.Read(fields);
    }

    private static Reading jsonFields(String text) {
        return switch (JsonDocument.parse(text)) {
            case JsonDocument.Malformed malformed -> new Reading.NotJson(malformed.reason());
            case JsonDocument.Parsed parsed -> {
                JsonNode tree = parsed.tree();
                if (!tree.isObject()) {
                    yield new Reading.Refused("the JSON body must be an object");
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : tree.properties()) {
                    JsonNode value = field.getValue();
                    if (!value.isValueNode() || value.isNull()) {
                        yield new Reading.Refused("the field " + quoted(field.getKey())
                                + " must be a string, a number or a boolean");
                    }
                    fields.put(field.getKey(), value.asText());
                }
                yield new Reading.Read(fields);
            }
        };
    }
}
