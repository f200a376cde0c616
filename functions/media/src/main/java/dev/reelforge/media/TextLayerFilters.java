package dev.reelforge.media;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws a text layer straight onto the composite: one {@code drawtext} per line (drawtext in ffmpeg 4.4
 * cannot align lines, so each line is placed on its own), each reading its line from a file, never from the
 * filtergraph, so no user text needs escaping. Its background is a {@code drawbox}, or, when the layer moves
 * or fades, a coloured frame overlaid with the same motion. Text that is transformed, tweened or masked by a luma
 * is drawn with its background on a transparent picture of its box instead, which is then treated as a picture.
 *
 * <p>Text takes fades and slides as pictures do; a wipe or a zoom of text is drawn as a fade (drawtext can
 * neither clip nor scale smoothly per frame).
 */
final class TextLayerFilters {

    private final FilterGraph graph;
    private final Size frame;
    private final Fps fps;
    private final LiberationFonts fonts;
    private final ChromaSampling sampling;
    private final WorkFiles files;

    /** @param files where the lines' files are written, for the command's duration */
    TextLayerFilters(FilterGraph graph, Size frame, Fps fps, ChromaSampling sampling, LiberationFonts fonts,
            WorkFiles files) {
        this.graph = graph;
        this.frame = frame;
        this.fps = fps;
        this.sampling = sampling;
        this.fonts = fonts;
        this.files = files;
    }

    /**
     * Adds the layer for the output time {@code [from, to)} over the composite {@code main}.
     *
     * @param sources the local files of its mattes' sources
     * @return the composite with the text on it
     */
    String add(String main, VisualLayer.Text layer, Map<Integer, Path> sources, double from, double to) {
        double start = Math.max(layer.timing().start(), from);
        double end = Math.min(layer.timing().end(), to);
        if (end - start <= 1e-9) {
            return main;
        }
        LookOverTime look = new LookOverTime(layer.timing(), layer.look(), frame);
        TextLayout layout = TextLayout.of(layer, frame, fonts.font(layer.face(), layer.sizePx()));
        if (onCanvas(layer) && layout.boxWidth() > 0 && layout.boxHeight() > 0) {
            return canvas(main, layer, layout, look, sources, start, end);
        }
        // Text does not turn: a shuffle only moves it (from beyond the frame, whatever its box).
        double diagonal = Math.hypot(frame.width(), frame.height());
        Expression dx = look.slideX().plus(look.shuffleX(diagonal));
        Expression dy = look.slideY().plus(look.shuffleY(diagonal));
        Expression alpha = look.alpha();
        String shown = "gte(t," + Filter.number(start) + ")*lt(t," + Filter.number(end) + ")";

        List<Filter> filters = new ArrayList<>();
        String composite = main;
        // drawbox reads a width or height of 0 as the whole frame's.
        if (layer.background().isPresent() && layout.boxWidth() > 0 && layout.boxHeight() > 0) {
            Color background = layer.background().get();
            if (!dx.varies() && !dy.varies() && !alpha.varies() && layer.finish().borderRadius() == 0) {
                filters.add(Filter.of("drawbox").with("x", layout.boxX()).with("y", layout.boxY())
                        .with("w", layout.boxWidth()).with("h", layout.boxHeight())
                        .with("color", color(background, look.opacity())).with("t", "fill").enabledWhen(shown));
            } else {
                composite = band(composite, background, layout, look, dx, dy, start, end,
                        layer.finish().borderRadius());
            }
        }
        Path font = fonts.file(layer.face());
        for (TextLayout.Line line : layout.lines()) {
            if (line.text().isBlank()) {
                continue;
            }
            Filter drawtext = drawtext(layer, font, line.text(), 1,
                    dx.plus(Expression.ofTime(TextLayout.x(layer.horizontal(), layout.innerX(),
                            layout.innerWidth()))).text(),
                    dy.plus(Expression.ofTime(line.baseline() + "-ascent")).text());
            if (!alpha.isConstant(1)) {
                drawtext.with("alpha", alpha.text());
            }
            filters.add(drawtext.enabledWhen(shown));
        }
        return graph.then(composite, filters, "text");
    }

    /** One line of the layer's text at {@code x}, {@code y} (drawtext expressions), outlined when it is stroked. */
    private Filter drawtext(VisualLayer.Text layer, Path font, String text, double opacity, String x, String y) {
        Filter drawtext = Filter.of("drawtext")
                .with("fontfile", font.toAbsolutePath().toString())
                .with("textfile", files.write("line", text).toString())
                .with("expansion", "none")
                .with("fontsize", layer.sizePx())
                .with("fontcolor", color(layer.color(), opacity))
                .with("x", x)
                .with("y", y);
        if (layer.finish().stroked()) {
            drawtext.with("borderw", Math.max(1, (int) Math.round(layer.finish().strokeWidth())))
                    .with("bordercolor", color(layer.finish().stroke().get(), opacity));
        }
        return drawtext;
    }

    /** Whether the text is transformed, tweened or matted, which drawtext cannot do on the composite. */
    private static boolean onCanvas(VisualLayer.Text layer) {
        Transform transform = layer.transform();
        return transform.rotates() || transform.flips() || transform.skews() || layer.look().animation().looks()
                || layer.look().animation().shapes() || !layer.mattes().isEmpty();
    }

    /**
     * The text and its background drawn on a transparent picture of its box, which then takes the mattes, look and
     * transform a picture takes (luma mattes, flip, skew, turn, tweens, transitions), and is overlaid on the
     * composite.
     */
    private String canvas(String main, VisualLayer.Text layer, TextLayout layout, LookOverTime look,
            Map<Integer, Path> sources, double start, double end) {
        double opacity = Math.max(0, Math.min(1, look.opacity()));
        List<Filter> filters = new ArrayList<>();
        Color background = layer.background().orElse(null);
        filters.add(Filter.of("color").with("c", background == null ? "black@0"
                        : "0x" + background.rgbHex() + "@" + Filter.number(background.opacity() * opacity))
                .with("s", layout.boxWidth() + "x" + layout.boxHeight())
                .with("r", fps.numerator() + "/" + fps.denominator()).with("d", end - start + 1 / fps.value()));
        filters.add(Filter.of("format").with("pix_fmts", "rgba"));
        if (background != null && layer.finish().borderRadius() > 0) {
            filters.add(roundedCorners(layout.boxWidth(), layout.boxHeight(), layer.finish().borderRadius()));
        }
        Path font = fonts.file(layer.face());
        for (TextLayout.Line line : layout.lines()) {
            if (line.text().isBlank()) {
                continue;
            }
            filters.add(drawtext(layer, font, line.text(), opacity,
                    TextLayout.x(layer.horizontal(), layout.innerX() - layout.boxX(), layout.innerWidth()),
                    (line.baseline() - layout.boxY()) + "-ascent"));
        }
        filters.add(Filter.of("setpts").positional("PTS+" + Filter.ticks(start)));
        // A frame more than shown, cut by trim, so the overlay draws the last one (see PictureLayerFilters).
        filters.add(Filter.of("trim").with("end", end));
        filters.addAll(look.fades());
        String input = null;
        if (!layer.mattes().isEmpty()) {
            // mattes cover the box as it is placed, before it is mirrored or turned, as a picture's do
            String unmatted = graph.label("canvas");
            graph.chain(List.of(), filters, unmatted);
            input = new LumaMatteFilters(graph, fps).apply(unmatted, layer.mattes(), sources, layout.boxWidth(),
                    layout.boxHeight(), start, end);
            filters = new ArrayList<>();
        }
        PictureLayerFilters pictures = new PictureLayerFilters(graph, frame, fps, sampling);
        PictureLayerFilters.Overlay overlay = pictures.shaped(input, filters, layer.look(), look, layer.transform(),
                layout.boxX(), layout.boxY(), layout.boxWidth(), layout.boxHeight(), start, end);
        String composite = graph.label("main");
        graph.chain(List.of(main, overlay.label()), List.of(overlay.filter(sampling)), composite);
        return composite;
    }

    /** The background as its own frames, so it can fade and move with the text. */
    private String band(String main, Color background, TextLayout layout, LookOverTime look, Expression dx,
            Expression dy, double start, double end, int borderRadius) {
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.of("color").with("c", "0x" + background.rgbHex())
                .with("s", layout.boxWidth() + "x" + layout.boxHeight())
                .with("r", fps.numerator() + "/" + fps.denominator()).with("d", end - start + 1 / fps.value()));
        filters.add(Filter.of("format").with("pix_fmts", sampling.withAlpha()));
        if (borderRadius > 0) {
            filters.add(roundedCorners(layout.boxWidth(), layout.boxHeight(), borderRadius));
        }
        double opacity = background.opacity() * look.opacity();
        if (opacity < 1) {
            filters.add(Filter.of("lut").with("a", "val*" + Filter.number(Math.max(0, opacity))));
        }
        filters.add(Filter.of("setpts").positional("PTS+" + Filter.ticks(start)));
        // A frame more than shown, cut by trim, so the overlay draws the last one (see PictureLayerFilters).
        filters.add(Filter.of("trim").with("end", end));
        filters.addAll(look.textFades());
        String band = graph.label("band");
        graph.chain(List.of(), filters, band);
        PictureLayerFilters.Overlay overlay = new PictureLayerFilters.Overlay(band,
                dx.plus(layout.boxX()), dy.plus(layout.boxY()));
        String composite = graph.label("main");
        graph.chain(List.of(main, band), List.of(overlay.filter(sampling)), composite);
        return composite;
    }

    /** Clears the alpha outside a rectangle of {@code width} x {@code height} with corners of {@code radius}. */
    static Filter roundedCorners(int width, int height, int radius) {
        int r = Math.min(radius, Math.min(width, height) / 2);
        // the distance past the corner circle's centre on each axis (0 along the straight edges), per pixel centre
        String dx = "max(0,max(" + r + "-X-0.5,X+0.5-" + (width - r) + "))";
        String dy = "max(0,max(" + r + "-Y-0.5,Y+0.5-" + (height - r) + "))";
        return Filter.of("geq").with("lum", "lum(X,Y)").with("cb", "cb(X,Y)").with("cr", "cr(X,Y)")
                .with("a", "alpha(X,Y)*lte(" + dx + "*" + dx + "+" + dy + "*" + dy + "," + r * r + ")");
    }

    /** drawtext/drawbox colour syntax: {@code 0xRRGGBB@alpha}. */
    private static String color(Color color, double opacity) {
        return "0x" + color.rgbHex() + "@" + Filter.number(color.opacity() * Math.max(0, Math.min(1, opacity)));
    }
}
