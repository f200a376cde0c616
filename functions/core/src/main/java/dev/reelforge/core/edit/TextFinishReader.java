package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.TextFinish;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.util.Optional;

/**
 * Reads what the newest contract adds to the text asset: {@code font.size} also as a string of digits (as
 * Shotstack's own templates send it), {@code background.padding} and {@code borderRadius}, {@code stroke} and
 * {@code ellipsis}; and refuses
 * what is not drawn yet, naming the field.
 */
final class TextFinishReader {

    /** Shotstack's text size when none is given. */
    static final int DEFAULT_SIZE = 32;
    /** The contract bounds no radius; past half the box's short side it changes nothing anyway. */
    static final int MAX_RADIUS = 2048;

    private TextFinishReader() {}

    static void refuseUnsupported(JsonNode text, JsonPath path, Violations violations) {
        JsonNode background = text.path("background");
        if (background.path("wrap").asBoolean(false)) {
            violations.add(path.property("background").property("wrap"),
                    "is not supported on text assets (as at Shotstack): use a rich-text asset");
        }
    }

    static int size(JsonNode font) {
        JsonNode size = font.path("size");
        if (size.isNumber()) {
            return size.asInt();
        }
        return size.isTextual() ? Integer.parseInt(size.asText()) : DEFAULT_SIZE;
    }

    static TextFinish finish(JsonNode text) {
        JsonNode stroke = text.path("stroke");
        Optional<Color> strokeColor = present(stroke, "width") || present(stroke, "color")
                ? Optional.of(Color.parse(stroke.path("color").asText("#000000"))) : Optional.empty();
        JsonNode ellipsis = text.get("ellipsis");
        return new TextFinish((int) Math.round(text.path("background").path("padding").asDouble(0)), strokeColor,
                stroke.path("width").asDouble(present(stroke, "color") ? 1 : 0),
                ellipsis == null || ellipsis.isNull() ? Optional.empty() : Optional.of(ellipsis.asText()),
                (int) Math.round(Math.min(MAX_RADIUS, text.path("background").path("borderRadius").asDouble(0))));
    }

    private static boolean present(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }
}
