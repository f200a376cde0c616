package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the pictures the worker draws itself (newest contract): a {@code shape} (rectangle, circle or line with
 * fill and stroke) and an {@code svg} (markup). The schema has checked types and bounds; this reads what the schema
 * cannot say (the figure a shape names must be given) and refuses SVG markup that declares a DOCTYPE or entities,
 * which an XML parser would otherwise expand or fetch.
 */
final class DrawnAssetReader {

    private DrawnAssetReader() {}

    static Asset shape(JsonNode node, JsonPath path, Violations violations) {
        String kind = node.path("shape").asText();
        JsonNode figure = node.path(kind);
        if (!figure.isObject()) {
            violations.add(path.property(kind), "is required when shape is " + kind);
            return null;
        }
        Asset.Figure drawn = switch (kind) {
            case "rectangle" -> new Asset.Figure.Rectangle(figure.path("width").asInt(), figure.path("height").asInt(),
                    figure.path("cornerRadius").asInt(0));
            case "circle" -> new Asset.Figure.Circle(figure.path("radius").asInt());
            default -> new Asset.Figure.Line(figure.path("length").asInt(), figure.path("thickness").asInt());
        };
        JsonNode fill = node.path("fill");
        JsonNode stroke = node.path("stroke");
        return new Asset.Shape(nameOf("shape", node), drawn,
                node.has("width") ? Optional.of(node.path("width").asInt()) : Optional.empty(),
                node.has("height") ? Optional.of(node.path("height").asInt()) : Optional.empty(),
                fill.isObject() ? Optional.of(color(fill, "#ffffff").withOpacity(fill.path("opacity").asDouble(1)))
                        : Optional.empty(),
                stroke.isObject() ? Optional.of(color(stroke, "#000000")) : Optional.empty(),
                stroke.path("width").asDouble(1));
    }

    static Asset svg(JsonNode node, JsonPath path, Violations violations) {
        String markup = node.path("src").asText();
        String lower = markup.toLowerCase(Locale.ROOT);
        if (lower.contains("<!doctype") || lower.contains("<!entity")) {
            violations.add(path.property("src"), "must not declare a DOCTYPE or entities");
            return null;
        }
        if (!lower.contains("<svg")) {
            violations.add(path.property("src"), "must be SVG markup (an <svg> element)");
            return null;
        }
        return new Asset.Svg(nameOf("svg", node), markup);
    }

    private static Color color(JsonNode node, String fallback) {
        return Color.parse(node.path("color").asText(fallback));
    }

    /** {@code drawn:<kind>-<sha-256 of the asset's JSON>}: the same picture has the same name. */
    private static URI nameOf(String kind, JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(node.toString().getBytes(StandardCharsets.UTF_8));
            return URI.create("drawn:" + kind + "-" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
