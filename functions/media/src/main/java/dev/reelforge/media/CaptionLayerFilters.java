package dev.reelforge.media;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.plan.VisualLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Burns a caption layer onto the composite: for each cue, its background box ({@code drawbox}, rounded corners as
 * one box per row of the corners) and one {@code drawtext} per line, each enabled only during the cue (ffmpeg's
 * timeline editing skips a disabled filter, so a frame pays only for the cues it shows). Lines are read from
 * files, never from the graph, so no subtitle text needs escaping; the graph itself goes to ffmpeg as a script
 * file, so hundreds of cues make a long script, not a long command line.
 *
 * <p>Layout of a cue: its lines ({@code \n} in the file) wrapped at word boundaries to the caption area: the frame
 * width less {@code margin.left} and {@code margin.right} (fractions of the width; at least 4% of the frame
 * height kept clear of each edge), less the padding on both sides. Baselines are {@code lineHeight x size}
 * apart; each line is centred in the area. The box holds the widest line and the lines' height, plus
 * {@code padding} on every side. Vertically the box's top is at {@code margin.top} of the frame height, or,
 * without a top margin, its bottom sits 4% of the frame height above the frame's bottom edge. The clip's offset
 * moves it (x right, y up, fractions of the frame).
 *
 * <p>Rich captions draw the words in the active style over the line as they are spoken: {@code highlight} the
 * spoken word, {@code karaoke} every word from when it is spoken to the cue's end, {@code pop} the spoken word
 * 1.25x larger about its own centre, {@code typewriter} each word from when it is spoken (the line itself is not
 * drawn). Words are placed by the widths of the text before them, measured with the face drawtext draws.
 */
final class CaptionLayerFilters {

    /** Kept clear along the frame's edges, as a fraction of its height (as for text). */
    static final double EDGE = TextLayout.MARGIN;
    /** How much larger {@code pop} draws the spoken word. */
    static final double POP = 1.25;

    private final FilterGraph graph;
    private final Size frame;
    private final LiberationFonts fonts;
    private final Path textDirectory;
    private int files;

    CaptionLayerFilters(FilterGraph graph, Size frame, LiberationFonts fonts, Path textDirectory) {
        this.graph = graph;
        this.frame = frame;
        this.fonts = fonts;
        this.textDirectory = textDirectory;
    }

    /** One line of a cue, its words, and where it is drawn. */
    record PlacedLine(String text, List<Cue.Word> words, double x, int baseline) {}

    /** A cue laid out: its box and lines. */
    record CueLayout(int boxX, int boxY, int boxWidth, int boxHeight, List<PlacedLine> lines) {}

    /** Adds the layer for the output time {@code [from, to)} over {@code main}; returns the composite's label. */
    String add(String main, VisualLayer.Caption layer, double from, double to) {
        CaptionStyle style = layer.style();
        SizedFont font = fonts.font(style.face(), style.size());
        Path fontFile = fonts.file(style.face()).toAbsolutePath();
        double opacity = Math.max(0, Math.min(1, layer.look().opacity()));
        List<Filter> filters = new ArrayList<>();
        for (Cue cue : layer.cues()) {
            double start = Math.max(cue.start(), from);
            double end = Math.min(cue.end(), to);
            if (end - start <= 1e-9 || cue.text().isBlank()) {
                continue;
            }
            String shown = window(start, end);
            CueLayout layout = layout(cue, layer, font);
            style.background().ifPresent(background -> filters.addAll(box(layout.boxX(), layout.boxY(),
                    layout.boxWidth(), layout.boxHeight(), style.borderRadius(), color(background, opacity), shown)));
            for (PlacedLine line : layout.lines()) {
                if (style.animation() != CaptionStyle.WordAnimation.TYPEWRITER) {
                    filters.add(text(line.text(), line.x(), line.baseline(), style.size(), style.color(), style,
                            fontFile, opacity, shown));
                }
                words(filters, line, font, style, fontFile, opacity, start, end);
            }
        }
        return graph.then(main, filters, "caption");
    }

    /** The active-style words of a rich caption's line. */
    private void words(List<Filter> filters, PlacedLine line, SizedFont font, CaptionStyle style, Path fontFile,
            double opacity, double cueStart, double cueEnd) {
        boolean restyled = style.active().isPresent() || style.animation() == CaptionStyle.WordAnimation.POP
                || style.animation() == CaptionStyle.WordAnimation.TYPEWRITER;
        if (style.animation() == CaptionStyle.WordAnimation.NONE || !restyled) {
            return;
        }
        Color active = style.active().map(CaptionStyle.ActiveWord::color).orElse(style.color());
        StringBuilder before = new StringBuilder();
        for (Cue.Word word : line.words()) {
            if (!before.isEmpty()) {
                before.append(' ');
            }
            double wordX = line.x() + font.width(before.toString());
            double wordWidth = font.width(word.text());
            before.append(word.text());
            double start = Math.max(word.start(), cueStart);
            double end = switch (style.animation()) {
                case KARAOKE, TYPEWRITER -> cueEnd;
                default -> Math.min(word.end(), cueEnd);
            };
            if (end - start <= 1e-9) {
                continue;
            }
            String shown = window(start, end);
            Color color = style.animation() == CaptionStyle.WordAnimation.TYPEWRITER ? style.color() : active;
            int size = style.size();
            double drawX = wordX;
            int baseline = line.baseline();
            if (style.animation() == CaptionStyle.WordAnimation.POP) {
                size = (int) Math.round(style.size() * POP);
                drawX = wordX + wordWidth / 2 - fonts.font(style.face(), size).width(word.text()) / 2;
            }
            if (style.animation() != CaptionStyle.WordAnimation.TYPEWRITER) {
                var background = style.active().flatMap(CaptionStyle.ActiveWord::background);
                if (background.isPresent()) {
                    filters.add(Filter.of("drawbox").with("x", (int) Math.floor(wordX)).with("y",
                                    (int) Math.round(baseline - font.ascent()))
                            .with("w", Math.max(1, (int) Math.ceil(wordWidth)))
                            .with("h", Math.max(1, (int) Math.ceil(font.ascent() + font.descent())))
                            .with("color", color(background.get(), opacity)).with("t", "fill").enabledWhen(shown));
                }
            }
            filters.add(text(word.text(), drawX, baseline, size, color, style, fontFile, opacity, shown));
        }
    }

    CueLayout layout(Cue cue, VisualLayer.Caption layer, SizedFont font) {
        CaptionStyle style = layer.style();
        double edge = EDGE * frame.height();
        double areaLeft = Math.max(edge, style.margin().left() * frame.width());
        double areaRight = frame.width() - Math.max(edge, style.margin().right() * frame.width());
        double wrapWidth = Math.max(1, areaRight - areaLeft - 2 * style.padding());
        List<String> lines = new ArrayList<>();
        for (String paragraph : cue.text().split("\n", -1)) {
            if (!paragraph.isBlank()) {
                lines.addAll(TextLayout.wrap(paragraph, wrapWidth, font));
            }
        }
        double pitch = style.lineHeight() * style.size();
        double blockHeight = (lines.size() - 1) * pitch + font.ascent() + font.descent();
        double widest = lines.stream().mapToDouble(font::width).max().orElse(0);
        int boxWidth = (int) Math.ceil(widest) + 2 * style.padding();
        int boxHeight = (int) Math.ceil(blockHeight) + 2 * style.padding();
        double dx = layer.offset().x() * frame.width();
        int boxX = (int) Math.round(dx + switch (style.horizontal()) {
            case LEFT -> areaLeft;
            case CENTER -> (areaLeft + areaRight - boxWidth) / 2;
            case RIGHT -> areaRight - boxWidth;
        });
        double top = style.margin().top().map(fraction -> fraction * frame.height()).orElse(switch (style.vertical()) {
            case TOP -> edge;
            case CENTER -> (frame.height() - boxHeight) / 2.0;
            case BOTTOM -> frame.height() - edge - boxHeight;
        });
        int boxY = (int) Math.round(top - layer.offset().y() * frame.height());

        List<PlacedLine> placed = new ArrayList<>();
        List<Cue.Word> remaining = new ArrayList<>(cue.words());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int count = line.isBlank() ? 0 : line.strip().split("\\s+").length;
            List<Cue.Word> words = new ArrayList<>(remaining.subList(0, Math.min(count, remaining.size())));
            remaining.subList(0, words.size()).clear();
            double free = boxWidth - 2 * style.padding() - font.width(line);
            double x = boxX + style.padding() + switch (style.horizontal()) {
                case LEFT -> 0;
                case CENTER -> free / 2;
                case RIGHT -> free;
            };
            placed.add(new PlacedLine(line, words, x,
                    (int) Math.round(boxY + style.padding() + font.ascent() + i * pitch)));
        }
        return new CueLayout(boxX, boxY, boxWidth, boxHeight, placed);
    }

    private Filter text(String text, double x, int baseline, int size, Color color, CaptionStyle style, Path fontFile,
            double opacity, String shown) {
        Filter drawtext = Filter.of("drawtext")
                .with("fontfile", fontFile.toString())
                .with("textfile", write(text).toString())
                .with("expansion", "none")
                .with("fontsize", size)
                .with("fontcolor", color(color, opacity))
                .with("x", (int) Math.round(x))
                .with("y", baseline + "-ascent");
        if (style.stroke().isPresent() && style.strokeWidth() > 0) {
            drawtext.with("borderw", Math.max(1, Math.round(style.strokeWidth())))
                    .with("bordercolor", color(style.stroke().get(), opacity));
        }
        style.shadow().ifPresent(shadow -> drawtext.with("shadowcolor", color(shadow.color(), opacity))
                .with("shadowx", shadow.x()).with("shadowy", shadow.y()));
        return drawtext.enabledWhen(shown);
    }

    /**
     * A filled box; with a radius, rounded: the middle rows as one box, each row of the corners as its own box
     * inset by the circle's width there. The boxes never overlap, so a translucent colour stays even.
     */
    static List<Filter> box(int x, int y, int width, int height, int radius, String color, String shown) {
        int r = Math.max(0, Math.min(radius, Math.min(width, height) / 2));
        List<Filter> boxes = new ArrayList<>();
        boxes.add(rectangle(x, y + r, width, height - 2 * r, color, shown));
        for (int row = 0; row < r; row++) {
            double dy = r - row - 0.5;
            int inset = (int) Math.round(r - Math.sqrt(Math.max(0, (double) r * r - dy * dy)));
            boxes.add(rectangle(x + inset, y + row, width - 2 * inset, 1, color, shown));
            boxes.add(rectangle(x + inset, y + height - 1 - row, width - 2 * inset, 1, color, shown));
        }
        return boxes;
    }

    private static Filter rectangle(int x, int y, int width, int height, String color, String shown) {
        // drawbox reads a width or height of 0 as the whole frame's
        return Filter.of("drawbox").with("x", x).with("y", y).with("w", Math.max(1, width))
                .with("h", Math.max(1, height)).with("color", color).with("t", "fill").enabledWhen(shown);
    }

    private static String window(double start, double end) {
        return "gte(t," + Filter.number(start) + ")*lt(t," + Filter.number(end) + ")";
    }

    private Path write(String text) {
        Path file = textDirectory.resolve("caption-" + files++ + ".txt");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** drawtext/drawbox colour syntax: {@code 0xRRGGBB@alpha}. */
    private static String color(Color color, double opacity) {
        return "0x" + color.rgbHex() + "@" + Filter.number(color.opacity() * opacity);
    }
}
