package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Typeface;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code rich-text} asset (the schema has checked its types and ranges) and its clip's {@code width} and
 * {@code height}. The defaults are those of the schema: black text of 24 pixels, weight 400, line height 1.2,
 * centred in the middle, in Open Sans. Weights of 600 and more are bold (the shipped families have a regular and a
 * bold face at most, Work Sans also a light one).
 */
final class RichTextReader {


    private RichTextReader() {}

    static Asset read(JsonNode node, JsonPath path, Violations violations) {
        JsonNode font = node.path("font");
        JsonPath fontPath = path.property("font");
        FontChoice choice = FontChoice.of(font, FontFamily.OPEN_SANS);
        FontFamily family = choice.family();
        Optional<Typeface> requested = choice.requested();
        int weight = weight(font.path("weight"), fontPath.property("weight"), violations);
        Color color = rgb(font, "color", Color.BLACK).withOpacity(font.path("opacity").asDouble(1));
        Typeface face = requested.isPresent() ? requested.get()
                : family.face(weight, "italic".equals(font.path("style").asText("normal")));

        JsonNode style = node.path("style");
        String text = transformed(node.path("text").asText(), style.path("textTransform").asText("none"));
        RichTextLook.Decoration decoration = switch (style.path("textDecoration").asText("none")) {
            case "underline" -> RichTextLook.Decoration.UNDERLINE;
            case "line-through" -> RichTextLook.Decoration.LINE_THROUGH;
            default -> RichTextLook.Decoration.NONE;
        };
        Optional<RichTextLook.Gradient> gradient = Optional.empty();
        if (present(style, "gradient")) {
            JsonNode stops = style.path("gradient").path("stops");
            List<RichTextLook.Stop> read = new ArrayList<>();
            for (JsonNode stop : stops) {
                read.add(new RichTextLook.Stop(stop.path("offset").asDouble(), Color.parse(stop.path("color").asText())));
            }
            if (read.size() < 2) {
                violations.add(path.property("style").property("gradient").property("stops"),
                        "must have at least 2 stops");
            }
            read.sort((a, b) -> Double.compare(a.offset(), b.offset()));
            gradient = Optional.of(new RichTextLook.Gradient("radial".equals(style.path("gradient").path("type")
                    .asText("linear")), style.path("gradient").path("angle").asDouble(0), read));
        }

        JsonNode strokeNode = present(node, "stroke") ? node.path("stroke") : font.path("stroke");
        Optional<RichTextLook.Stroke> stroke = strokeNode.path("width").asDouble(0) > 0
                ? Optional.of(new RichTextLook.Stroke(strokeNode.path("width").asDouble(),
                        rgb(strokeNode, "color", Color.BLACK).withOpacity(strokeNode.path("opacity").asDouble(1))))
                : Optional.empty();
        JsonNode shadowNode = node.path("shadow");
        Optional<RichTextLook.Shadow> shadow = present(node, "shadow")
                ? Optional.of(new RichTextLook.Shadow(shadowNode.path("offsetX").asDouble(0),
                        shadowNode.path("offsetY").asDouble(0), shadowNode.path("blur").asDouble(0),
                        rgb(shadowNode, "color", Color.BLACK).withOpacity(shadowNode.path("opacity").asDouble(0.5))))
                : Optional.empty();
        JsonNode backgroundNode = node.path("background");
        Optional<RichTextLook.Background> background = present(backgroundNode, "color")
                ? Optional.of(new RichTextLook.Background(rgb(backgroundNode, "color", Color.BLACK)
                        .withOpacity(backgroundNode.path("opacity").asDouble(1)),
                        backgroundNode.path("borderRadius").asDouble(0), backgroundNode.path("wrap").asBoolean(false),
                        backgroundNode.path("padding").asDouble(0)))
                : Optional.empty();
        JsonNode borderNode = node.path("border");
        Optional<RichTextLook.Border> border = borderNode.path("width").asDouble(0) > 0
                ? Optional.of(new RichTextLook.Border(borderNode.path("width").asDouble(),
                        rgb(borderNode, "color", Color.BLACK).withOpacity(borderNode.path("opacity").asDouble(1)),
                        borderNode.path("radius").asDouble(0)))
                : Optional.empty();
        JsonNode paddingNode = node.path("padding");
        RichTextLook.Padding padding = paddingNode.isNumber()
                ? new RichTextLook.Padding(paddingNode.asDouble(), paddingNode.asDouble(), paddingNode.asDouble(),
                        paddingNode.asDouble())
                : new RichTextLook.Padding(paddingNode.path("top").asDouble(0), paddingNode.path("right").asDouble(0),
                        paddingNode.path("bottom").asDouble(0), paddingNode.path("left").asDouble(0));
        JsonNode alignment = node.path("align");
        Asset.HorizontalAlign horizontal = Asset.HorizontalAlign.valueOf(
                alignment.path("horizontal").asText("center").toUpperCase(Locale.ROOT));
        Asset.VerticalAlign vertical = switch (alignment.path("vertical").asText("middle")) {
            case "top" -> Asset.VerticalAlign.TOP;
            case "bottom" -> Asset.VerticalAlign.BOTTOM;
            default -> Asset.VerticalAlign.CENTER;
        };
        Optional<RichTextLook.TextAnimation> animation = present(node, "animation")
                ? Optional.ofNullable(animation(node.path("animation"), path.property("animation"), violations))
                : Optional.empty();
        return new Asset.RichText(new RichTextLook(text, face, font.path("size").asInt(24), color,
                style.path("letterSpacing").asDouble(0), style.path("wordSpacing").asDouble(0),
                style.path("lineHeight").asDouble(font.path("lineHeight").asDouble(1.2)), decoration, gradient, stroke,
                shadow,
                present(font, "background") ? Optional.of(Color.parse(font.path("background").asText())) : Optional.empty(),
                background, border,
                padding, horizontal, vertical, animation), Optional.empty(), Optional.empty());
    }

    /**
     * The asset with the box it is drawn in: its own (a typed text asset's), else its clip's (other assets are fitted
     * into the clip's box by the planner).
     */
    static Asset withClipBox(Asset asset, JsonNode clip) {
        if (asset instanceof Asset.RichText rich) {
            Clip.Bounds box = SmartClipReader.bounds(clip);
            return new Asset.RichText(rich.look(), rich.width().or(box::width), rich.height().or(box::height));
        }
        return asset;
    }

    /** A text or rich-text asset's family that only {@code timeline.fonts} can provide. */
    static Optional<Typeface.Requested> requestedFamily(Asset asset) {
        Typeface face = switch (asset) {
            case Asset.Text text -> text.face();
            case Asset.RichText rich -> rich.look().face();
            default -> null;
        };
        return face instanceof Typeface.Requested requested ? Optional.of(requested) : Optional.empty();
    }

    private static RichTextLook.TextAnimation animation(JsonNode node, JsonPath path, Violations violations) {
        RichTextLook.Preset preset = switch (node.path("preset").asText()) {
            case "fadeIn" -> RichTextLook.Preset.FADE_IN;
            case "slideIn" -> RichTextLook.Preset.SLIDE_IN;
            case "typewriter" -> RichTextLook.Preset.TYPEWRITER;
            case "ascend" -> RichTextLook.Preset.ASCEND;
            case "shift" -> RichTextLook.Preset.SHIFT;
            default -> RichTextLook.Preset.MOVING_LETTERS;
        };
        RichTextLook.Direction direction = RichTextLook.Direction.valueOf(node.path("direction")
                .asText(preset == RichTextLook.Preset.ASCEND ? "up" : "left").toUpperCase(Locale.ROOT));
        // A direction on fadeIn or typewriter means nothing; Shotstack's own templates send one, and its service
        // renders them: it is accepted, and the text fades or types in place.
        if (preset == RichTextLook.Preset.ASCEND
                && (direction == RichTextLook.Direction.LEFT || direction == RichTextLook.Direction.RIGHT)) {
            violations.add(path.property("direction"), "must be up or down for the ascend preset");
            return null;
        }
        boolean byWord = "word".equals(node.path("style").asText("character"));
        // Shotstack's earlier text engine: fadeIn took 2 s unless told, the other presets 3 s
        double seconds = node.path("duration").asDouble(preset == RichTextLook.Preset.FADE_IN ? 2 : 3);
        return new RichTextLook.TextAnimation(preset, seconds, byWord, direction);
    }

    private static int weight(JsonNode weight, JsonPath path, Violations violations) {
        if (weight.isMissingNode() || weight.isNull()) {
            return 400;
        }
        String text = weight.asText().trim().toLowerCase(Locale.ROOT);
        int value = switch (text) {
            case "normal" -> 400;
            case "bold" -> 700;
            default -> text.matches("[1-9]00") ? Integer.parseInt(text) : -1;
        };
        if (value < 0 || (weight.isNumber() && !weight.canConvertToInt())) {
            violations.add(path, "must be 100, 200, ... 900, normal or bold");
            return 400;
        }
        return value;
    }

    private static String transformed(String text, String transform) {
        return switch (transform) {
            case "uppercase" -> text.toUpperCase(Locale.ROOT);
            case "lowercase" -> text.toLowerCase(Locale.ROOT);
            case "capitalize" -> {
                StringBuilder capitalized = new StringBuilder(text.length());
                boolean wordStart = true;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    capitalized.append(wordStart ? Character.toUpperCase(c) : c);
                    wordStart = Character.isWhitespace(c);
                }
                yield capitalized.toString();
            }
            default -> text;
        };
    }

    private static Color rgb(JsonNode node, String name, Color fallback) {
        return present(node, name) ? Color.parse(node.path(name).asText()) : fallback;
    }

    private static boolean present(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }
}
