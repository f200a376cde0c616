package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionFinish;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Schemas;
import dev.reelforge.core.validation.Violations;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
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
                    + "Reelforge does not offer: give a subtitle file (.srt, .vtt, .ttml or .dfxp)");
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
        // the newest contract's default family (caption's has none: Liberation Sans there)
        FontFamily family = CaptionReader.family(font, fontPath, violations, FontFamily.ROBOTO);
        int weight = weight(font, fontPath, violations);
        boolean italic = "italic".equals(font.path("style").asText("normal"));
        JsonNode style = node.path("style");
        Optional<CaptionStyle.Shadow> shadow = shadow(node.path("shadow"));
        JsonNode background = node.path("background");
        JsonNode border = node.path("border");
        int size = font.hasNonNull("size") ? font.path("size").asInt()
                : (int) Math.round(style.path("size").asDouble(CaptionReader.DEFAULT_SIZE));
        RichTextLook.Padding sides = padding(node, background, size);

        JsonNode stroke = node.path("stroke");
        Optional<Color> strokeColor = stroke.path("width").asDouble(0) > 0
                ? Optional.of(colour(stroke, "color", Color.BLACK).withOpacity(stroke.path("opacity").asDouble(1)))
                : Optional.empty();
        Optional<Color> box = CaptionReader.text(background, "color").or(() -> CaptionReader.text(font, "background"))
                .map(hex -> Color.parse(hex).withOpacity(background.path("opacity").asDouble(1)));
        int radius = (int) Math.round(background.hasNonNull("borderRadius") ? background.path("borderRadius").asDouble()
                : border.path("radius").asDouble(0));
        JsonNode align = node.hasNonNull("align") ? node.path("align") : node.path("alignment");

        JsonNode animationNode = node.path("animation");
        CaptionStyle.WordAnimation animation = animation(animationNode);
        Color color = colour(font, "color", Color.WHITE).withOpacity(font.path("opacity").asDouble(1));
        JsonNode active = node.path("active");
        JsonPath activePath = path.property("active");
        Optional<CaptionStyle.ActiveWord> activeWord = active(active, color);
        CaptionFinish finish = new CaptionFinish(style.path("letterSpacing").asDouble(0),
                decoration(style.path("textDecoration")), gradient(style.path("gradient")),
                node.path("shadow").path("blur").asDouble(0),
                border.path("width").asDouble(0) > 0
                        ? Optional.of(new RichTextLook.Border(border.path("width").asDouble(),
                                colour(border, "color", Color.BLACK).withOpacity(border.path("opacity").asDouble(1)),
                                radius))
                        : Optional.empty(),
                sides.top() == sides.right() && sides.right() == sides.bottom() && sides.bottom() == sides.left()
                        ? Optional.empty() : Optional.of(sides),
                activeFace(active.path("font"), activePath.property("font"), family, weight, italic, violations),
                active.path("font").hasNonNull("size") ? Optional.of(active.path("font").path("size").asInt())
                        : Optional.empty(),
                active.path("font").hasNonNull("textDecoration")
                        ? Optional.of(decoration(active.path("font").path("textDecoration"))) : Optional.empty(),
                activeStroke(active.path("stroke")), activeShadow(active.path("shadow")),
                motion(animationNode));
        CaptionStyle captionStyle = new CaptionStyle(family.face(weight, italic), size,
                style.path("lineHeight").asDouble(1.2), color,
                strokeColor, stroke.path("width").asDouble(0), shadow, box, (int) Math.round(sides.top()), radius,
                CaptionStyle.Margin.NONE,
                Asset.HorizontalAlign.valueOf(align.path("horizontal").asText("center").toUpperCase(Locale.ROOT)),
                switch (align.path("vertical").asText("middle")) {
                    case "top" -> Asset.VerticalAlign.TOP;
                    case "bottom" -> Asset.VerticalAlign.BOTTOM;
                    default -> Asset.VerticalAlign.CENTER;
                },
                CaptionStyle.TextTransform.valueOf(style.path("textTransform").asText("none")
                        .toUpperCase(Locale.ROOT)),
                activeWord, animation, finish);
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

    /**
     * The padding's sides: {@code padding} (a number or sides), else the background's. The box always hugs the
     * text (Shotstack's {@code background.wrap: true}); with {@code wrap} and no padding given it is Shotstack's
     * default, 12% of the font size, plus the stroke's width.
     */
    private static RichTextLook.Padding padding(JsonNode node, JsonNode background, int size) {
        JsonNode padding = node.path("padding");
        if (padding.isNumber()) {
            double all = padding.asDouble();
            return new RichTextLook.Padding(all, all, all, all);
        }
        if (padding.isObject()) {
            return new RichTextLook.Padding(padding.path("top").asDouble(0), padding.path("right").asDouble(0),
                    padding.path("bottom").asDouble(0), padding.path("left").asDouble(0));
        }
        double all = background.hasNonNull("padding") || !background.path("wrap").asBoolean(false)
                ? background.path("padding").asInt(0)
                : Math.round(0.12 * size + node.path("stroke").path("width").asDouble(0));
        return new RichTextLook.Padding(all, all, all, all);
    }

    private static CaptionStyle.WordAnimation animation(JsonNode node) {
        return switch (node.path("style").asText("highlight")) {
            case "karaoke" -> CaptionStyle.WordAnimation.KARAOKE;
            case "pop" -> CaptionStyle.WordAnimation.POP;
            // fade, slide and bounce bring words in as they are spoken, and keep them, as typewriter does
            case "typewriter", "fade", "slide", "bounce" -> CaptionStyle.WordAnimation.TYPEWRITER;
            case "none" -> CaptionStyle.WordAnimation.NONE;
            default -> CaptionStyle.WordAnimation.HIGHLIGHT;
        };
    }

    private static Optional<CaptionFinish.WordMotion> motion(JsonNode node) {
        CaptionFinish.WordMotion.Kind kind = switch (node.path("style").asText("highlight")) {
            case "fade" -> CaptionFinish.WordMotion.Kind.FADE;
            case "slide" -> CaptionFinish.WordMotion.Kind.SLIDE;
            case "bounce" -> CaptionFinish.WordMotion.Kind.BOUNCE;
            default -> null;
        };
        return Optional.ofNullable(kind).map(motion -> new CaptionFinish.WordMotion(motion,
                RichTextLook.Direction.valueOf(node.path("direction").asText("up").toUpperCase(Locale.ROOT))));
    }

    /**
     * The spoken word's colour and box; absent when neither is given (highlight and karaoke then look like none)
     * unless the active word is restyled otherwise, when it keeps the base colour.
     */
    private static Optional<CaptionStyle.ActiveWord> active(JsonNode node, Color base) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode font = node.path("font");
        boolean restyled = font.hasNonNull("family") || font.hasNonNull("weight") || font.hasNonNull("size")
                || font.hasNonNull("textDecoration") || node.hasNonNull("stroke") || node.hasNonNull("shadow");
        if (!font.hasNonNull("color") && !font.hasNonNull("background") && !restyled) {
            return Optional.empty();
        }
        double opacity = font.path("opacity").asDouble(1);
        Color colour = CaptionReader.text(font, "color").map(Color::parse).map(given -> given.withOpacity(opacity))
                .orElse(restyled ? base : Color.WHITE.withOpacity(opacity));
        return Optional.of(new CaptionStyle.ActiveWord(colour, CaptionReader.text(font, "background")
                .map(Color::parse)));
    }

    /** The active word's face when its family or weight differs from the base; the base slant is kept. */
    private static Optional<FontFace> activeFace(JsonNode font, JsonPath path, FontFamily baseFamily, int baseWeight,
            boolean italic, Violations violations) {
        if (!font.hasNonNull("family") && !font.hasNonNull("weight")) {
            return Optional.empty();
        }
        FontFamily family = font.hasNonNull("family") ? CaptionReader.family(font, path, violations) : baseFamily;
        int weight = font.hasNonNull("weight") ? weight(font, path, violations) : baseWeight;
        FontFace face = family.face(weight, italic);
        return face == baseFamily.face(baseWeight, italic) ? Optional.empty() : Optional.of(face);
    }

    private static RichTextLook.Decoration decoration(JsonNode node) {
        return switch (node.asText("none")) {
            case "underline" -> RichTextLook.Decoration.UNDERLINE;
            case "line-through" -> RichTextLook.Decoration.LINE_THROUGH;
            default -> RichTextLook.Decoration.NONE;
        };
    }

    /** A gradient fill (validated by the schema: at least one stop; one stop is its colour everywhere). */
    private static Optional<RichTextLook.Gradient> gradient(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        List<RichTextLook.Stop> stops = new ArrayList<>();
        for (JsonNode stop : node.path("stops")) {
            stops.add(new RichTextLook.Stop(stop.path("offset").asDouble(), Color.parse(stop.path("color").asText())));
        }
        if (stops.size() == 1) {
            stops.add(new RichTextLook.Stop(1, stops.getFirst().color()));
        }
        stops.sort(Comparator.comparingDouble(RichTextLook.Stop::offset));
        return Optional.of(new RichTextLook.Gradient("radial".equals(node.path("type").asText("linear")),
                node.path("angle").asDouble(0), stops));
    }

    /** Absent: the base stroke; {@code "none"} or width 0: no stroke. */
    private static Optional<RichTextLook.Stroke> activeStroke(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.of(new RichTextLook.Stroke(0, Color.BLACK));
        }
        return Optional.of(new RichTextLook.Stroke(node.path("width").asDouble(0),
                colour(node, "color", Color.BLACK).withOpacity(node.path("opacity").asDouble(1))));
    }

    /** Absent: the base shadow; {@code "none"}: a shadow of opacity 0. */
    private static Optional<RichTextLook.Shadow> activeShadow(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.of(new RichTextLook.Shadow(0, 0, 0, Color.BLACK.withOpacity(0)));
        }
        return Optional.of(new RichTextLook.Shadow(node.path("offsetX").asDouble(0), node.path("offsetY").asDouble(0),
                node.path("blur").asDouble(0),
                colour(node, "color", Color.BLACK).withOpacity(node.path("opacity").asDouble(0.5))));
    }

    private static Optional<CaptionStyle.Shadow> shadow(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new CaptionStyle.Shadow(colour(node, "color", Color.BLACK)
                .withOpacity(node.path("opacity").asDouble(0.5)), (int) Math.round(node.path("offsetX").asDouble(0)),
                (int) Math.round(node.path("offsetY").asDouble(0))));
    }

    private static Color colour(JsonNode node, String name, Color fallback) {
        return CaptionReader.text(node, name).map(Color::parse).orElse(fallback);
    }
}
