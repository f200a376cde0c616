package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.net.URI;
import java.util.Optional;

/** Reads a {@code caption} asset (validated by {@link EditSchema#CAPTION_ASSET}) into {@link Asset.Caption}. */
final class CaptionReader {

    /** Font size when the edit gives none (pixels), as Shotstack's rich captions default to. */
    static final int DEFAULT_SIZE = 24;

    private CaptionReader() {}

    static Asset caption(JsonNode node, JsonPath path, Violations violations) {
        JsonNode font = node.path("font");
        FontFamily family = family(font, path.property("font"), violations);
        // speed 0 (paused): the cue on screen at file time trim stays for the whole clip (CaptionTimes)
        double speed = node.path("speed").asDouble(1);
        Color color = text(font, "color").map(Color::parse).orElse(Color.WHITE)
                .withOpacity(font.path("opacity").asDouble(1));
        JsonNode background = node.path("background");
        Optional<Color> box = node.hasNonNull("background")
                ? Optional.of(text(background, "color").map(Color::parse).orElse(Color.BLACK)
                        .withOpacity(background.path("opacity").asDouble(1)))
                : Optional.empty();
        JsonNode margin = node.path("margin");
        CaptionStyle style = new CaptionStyle(family.face(400), font.path("size").asInt(DEFAULT_SIZE),
                font.path("lineHeight").asDouble(1), color, text(font, "stroke").map(Color::parse),
                font.path("strokeWidth").asDouble(font.hasNonNull("stroke") ? 1 : 0), Optional.empty(), box,
                background.path("padding").asInt(0), background.path("borderRadius").asInt(0),
                new CaptionStyle.Margin(margin.hasNonNull("top") ? Optional.of(margin.path("top").asDouble())
                        : Optional.empty(), margin.path("left").asDouble(0), margin.path("right").asDouble(0)),
                Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.BOTTOM, CaptionStyle.TextTransform.NONE,
                Optional.empty(),
                CaptionStyle.WordAnimation.NONE);
        if (style.margin().left() + style.margin().right() >= 1) {
            violations.add(path.property("margin"), "left and right add up to the whole frame width or more,"
                    + " leaving no room for the captions");
        }
        return new Asset.Caption(URI.create(node.path("src").asText()), style, node.path("trim").asDouble(0), speed);
    }

    /** A shipped family by name; others are refused naming the available ones. */
    static FontFamily family(JsonNode font, JsonPath path, Violations violations) {
        return family(font, path, violations, FontFamily.SANS);
    }

    /** @param absent the family when {@code font.family} is absent */
    static FontFamily family(JsonNode font, JsonPath path, Violations violations, FontFamily absent) {
        if (!font.hasNonNull("family")) {
            return absent;
        }
        Optional<FontFamily> named = FontFamily.named(font.path("family").asText());
        if (named.isEmpty()) {
            violations.add(path.property("family"), "'" + font.path("family").asText()
                    + "' is not an available font; available: " + String.join(", ", FontFamily.ACCEPTED_NAMES));
            return FontFamily.SANS;
        }
        return named.get();
    }

    static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
