package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Schemas;
import dev.reelforge.core.validation.Violations;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code rich-caption} asset (validated by {@link RichCaptionSchema#ASSET}) into an {@link Asset.Caption}
 * with word styling. Sources that would need speech recognition (an {@code alias://} clip, a media file) are
 * refused naming {@code src}; styling Reelforge does not draw yet is refused naming its field.
 */
final class RichCaptionReader {

    private static final String NOT_SUPPORTED = "is not supported yet";
    /** Shotstack transcribes these; Reelforge has no speech recognition. */
    private static final Pattern MEDIA = Pattern.compile(
            ".*\\.(mp4|mov|webm|mkv|m4v|avi|mp3|wav|m4a|flac|aac|ogg|oga|opus|wma)$");
    private static final Set<String> SCHEMES = Set.of("http", "https", "s3");

    private RichCaptionReader() {}

    static Asset richCaption(JsonNode node, JsonPath path, Violations violations) {
        String src = node.path("src").asText();
        JsonPath srcPath = path.property("src");
        if (src.toLowerCase(Locale.ROOT).startsWith("alias://")
                || MEDIA.matcher(src.split("[?#]", 2)[0].toLowerCase(Locale.ROOT)).matches()) {
            violations.add(srcPath, "'" + src + "' would need speech recognition (auto-transcription), which "
                    + NOT_SUPPORTED + ": give a subtitle file (.srt, .vtt, .ttml or .dfxp)");
            return null;
        }
        Violations srcViolations = violations.trial();
        Schemas.string().url(SCHEMES.toArray(String[]::new)).check(node.path("src"), srcPath, srcViolations);
        if (!srcViolations.isEmpty()) {
            srcViolations.list().forEach(violation -> violations.add(violation.path(), violation.problem()));
            return null;
        }

        JsonNode font = node.path("font");
        JsonPath fontPath = path.property("font");
        FontFamily family = CaptionReader.family(font, fontPath, violations);
        int weight = weight(font, fontPath, violations);
        if ("italic".equals(font.path("style").asText("normal"))) {
            violations.add(fontPath.property("style"), "italic " + NOT_SUPPORTED);
        }
        JsonNode style = node.path("style");
        JsonPath stylePath = path.property("style");
        if (style.path("letterSpacing").asDouble(0) != 0) {
            violations.add(stylePath.property("letterSpacing"), "other than 0 " + NOT_SUPPORTED);
        }
        if (!"none".equals(style.path("textDecoration").asText("none"))) {
            violations.add(stylePath.property("textDecoration"), NOT_SUPPORTED);
        }
        unsupported(style, stylePath, violations, "gradient");
        Optional<CaptionStyle.Shadow> shadow = shadow(node.path("shadow"), path.property("shadow"), violations);
        JsonNode background = node.path("background");
        if (background.path("wrap").asBoolean(false)) {
            violations.add(path.property("background").property("wrap"), NOT_SUPPORTED);
        }
        JsonNode border = node.path("border");
        if (border.path("width").asDouble(0) > 0) {
            violations.add(path.property("border").property("width"), "other than 0 " + NOT_SUPPORTED);
        }
        int padding = padding(node, background, path, violations);

        JsonNode stroke = node.path("stroke");
        Optional<Color> strokeColor = stroke.path("width").asDouble(0) > 0
                ? Optional.of(colour(stroke, "color", Color.BLACK).withOpacity(stroke.path("opacity").asDouble(1)))
                : Optional.empty();
        Optional<Color> box = CaptionReader.text(background, "color").or(() -> CaptionReader.text(font, "background"))
                .map(hex -> Color.parse(hex).withOpacity(background.path("opacity").asDouble(1)));
        int radius = (int) Math.round(background.hasNonNull("borderRadius") ? background.path("borderRadius").asDouble()
                : border.path("radius").asDouble(0));
        JsonNode align = node.hasNonNull("align") ? node.path("align") : node.path("alignment");

        CaptionStyle.WordAnimation animation = animation(node.path("animation"), path.property("animation"),
                violations);
        Optional<CaptionStyle.ActiveWord> active = active(node.path("active"), path.property("active"), violations);
        int size = font.hasNonNull("size") ? font.path("size").asInt()
                : (int) Math.round(style.path("size").asDouble(CaptionReader.DEFAULT_SIZE));
        CaptionStyle captionStyle = new CaptionStyle(family.face(weight), size,
                style.path("lineHeight").asDouble(1.2),
                colour(font, "color", Color.WHITE).withOpacity(font.path("opacity").asDouble(1)),
                strokeColor, stroke.path("width").asDouble(0), shadow, box, padding, radius, CaptionStyle.Margin.NONE,
                Asset.HorizontalAlign.valueOf(align.path("horizontal").asText("center").toUpperCase(Locale.ROOT)),
                switch (align.path("vertical").asText("middle")) {
                    case "top" -> Asset.VerticalAlign.TOP;
                    case "bottom" -> Asset.VerticalAlign.BOTTOM;
                    default -> Asset.VerticalAlign.CENTER;
                },
                CaptionStyle.TextTransform.valueOf(style.path("textTransform").asText("none")
                        .toUpperCase(Locale.ROOT)),
                active, animation);
        return new Asset.Caption(URI.create(src), captionStyle, 0, 1);
    }

    private static int weight(JsonNode font, JsonPath path, Violations violations) {
        JsonNode weight = font.path("weight");
        if (weight.isMissingNode() || weight.isNull()) {
            return 400;
        }
        String text = weight.asText().trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "normal" -> {
                return 400;
            }
            case "bold" -> {
                return 700;
            }
            default -> {
                if (text.matches("[1-9]00")) {
                    return Integer.parseInt(text);
                }
                violations.add(path.property("weight"), "must be 100 to 900 in hundreds, normal or bold");
                return 400;
            }
        }
    }

    private static int padding(JsonNode node, JsonNode background, JsonPath path, Violations violations) {
        JsonNode padding = node.path("padding");
        if (padding.isNumber()) {
            return (int) Math.round(padding.asDouble());
        }
        if (padding.isObject()) {
            List<Double> sides = List.of(padding.path("top").asDouble(0), padding.path("right").asDouble(0),
                    padding.path("bottom").asDouble(0), padding.path("left").asDouble(0));
            if (sides.stream().distinct().count() > 1) {
                violations.add(path.property("padding"), "with different sides " + NOT_SUPPORTED
                        + " (give one number for every side)");
            }
            return (int) Math.round(sides.getFirst());
        }
        return background.path("padding").asInt(0);
    }

    private static CaptionStyle.WordAnimation animation(JsonNode node, JsonPath path, Violations violations) {
        String style = node.path("style").asText("highlight");
        return switch (style) {
            case "highlight" -> CaptionStyle.WordAnimation.HIGHLIGHT;
            case "karaoke" -> CaptionStyle.WordAnimation.KARAOKE;
            case "pop" -> CaptionStyle.WordAnimation.POP;
            case "typewriter" -> CaptionStyle.WordAnimation.TYPEWRITER;
            case "none" -> CaptionStyle.WordAnimation.NONE;
            default -> {
                violations.add(path.property("style"), "'" + style + "' " + NOT_SUPPORTED
                        + " (supported: karaoke, highlight, pop, typewriter, none)");
                yield CaptionStyle.WordAnimation.NONE;
            }
        };
    }

    private static Optional<CaptionStyle.ActiveWord> active(JsonNode node, JsonPath path, Violations violations) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode font = node.path("font");
        JsonPath fontPath = path.property("font");
        unsupported(font, fontPath, violations, "family", "weight", "size");
        if (!"none".equals(font.path("textDecoration").asText("none"))) {
            violations.add(fontPath.property("textDecoration"), NOT_SUPPORTED);
        }
        for (String name : List.of("stroke", "shadow")) {
            if (node.hasNonNull(name) && !"none".equals(node.path(name).asText())) {
                violations.add(path.property(name), NOT_SUPPORTED + " (\"none\" is)");
            }
        }
        if (!font.hasNonNull("color") && !font.hasNonNull("background")) {
            return Optional.empty();
        }
        double opacity = font.path("opacity").asDouble(1);
        return Optional.of(new CaptionStyle.ActiveWord(
                CaptionReader.text(font, "color").map(Color::parse).orElse(Color.WHITE).withOpacity(opacity),
                CaptionReader.text(font, "background").map(Color::parse)));
    }

    private static Optional<CaptionStyle.Shadow> shadow(JsonNode node, JsonPath path, Violations violations) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        if (node.path("blur").asDouble(0) > 0) {
            violations.add(path.property("blur"), "other than 0 " + NOT_SUPPORTED);
        }
        return Optional.of(new CaptionStyle.Shadow(colour(node, "color", Color.BLACK)
                .withOpacity(node.path("opacity").asDouble(0.5)), (int) Math.round(node.path("offsetX").asDouble(0)),
                (int) Math.round(node.path("offsetY").asDouble(0))));
    }

    private static Color colour(JsonNode node, String name, Color fallback) {
        return CaptionReader.text(node, name).map(Color::parse).orElse(fallback);
    }

    private static void unsupported(JsonNode node, JsonPath path, Violations violations, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                violations.add(path.property(name), NOT_SUPPORTED);
            }
        }
    }
}
