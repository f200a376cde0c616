package dev.reelforge.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.core.validation.Violations;
import java.util.Optional;

/**
 * Reads an HTML asset. Its markup is laid out by the worker, so its size is bounded here, before any work: the
 * markup and the style sheet together, and the box it is drawn into.
 */
final class HtmlReader {

    /** Characters of {@code html} and {@code css} together. */
    static final int MAX_MARKUP_CHARACTERS = 64 * 1024;
    /** The box is drawn as a picture: at most this many pixels a side (as an image output). */
    static final int MAX_BOX_SIDE = 4096;

    private HtmlReader() {}

    static Asset.Html read(JsonNode node, JsonPath path, Violations violations) {
        String html = node.path("html").asText();
        String css = node.path("css").isTextual() ? node.path("css").asText() : "";
        if (html.length() + css.length() > MAX_MARKUP_CHARACTERS) {
            violations.add(path.property("html"), "and css must be at most " + MAX_MARKUP_CHARACTERS
                    + " characters together");
        }
        return new Asset.Html(html, css, side(node, "width", path, violations), side(node, "height", path, violations),
                node.path("background").isTextual() ? Color.parse(node.path("background").asText()) : Color.TRANSPARENT,
                node.path("position").isTextual() ? Position.fromWireName(node.path("position").asText())
                        : Position.CENTER);
    }

    /**
     * An HTML5 asset without JavaScript is static markup, drawn as an HTML asset the size of the frame, transparent,
     * its content centred. JavaScript needs a browser, which the worker (on Lambda) does not run.
     */
    static Asset.Html readHtml5(JsonNode node, JsonPath path, Violations violations) {
        if (node.path("js").isTextual() && !node.path("js").asText().isBlank()) {
            violations.add(path.property("js"), "is not supported: JavaScript needs a browser, which the renderer "
                    + "does not run (static HTML and CSS are drawn)");
        }
        String html = node.path("html").asText();
        String css = node.path("css").isTextual() ? node.path("css").asText() : "";
        if (html.length() + css.length() > MAX_MARKUP_CHARACTERS) {
            violations.add(path.property("html"), "and css must be at most " + MAX_MARKUP_CHARACTERS
                    + " characters together");
        }
        return new Asset.Html(html, css, Optional.empty(), Optional.empty(), Color.TRANSPARENT, Position.CENTER);
    }

    private static Optional<Integer> side(JsonNode node, String name, JsonPath path, Violations violations) {
        if (!node.path(name).isNumber()) {
            return Optional.empty();
        }
        int pixels = node.path(name).asInt();
        if (pixels > MAX_BOX_SIDE) {
            violations.add(path.property(name), "must be at most " + MAX_BOX_SIDE + " pixels");
        }
        return Optional.of(Math.min(pixels, MAX_BOX_SIDE));
    }
}
