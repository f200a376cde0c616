package dev.reelforge.media;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.plan.Box;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Burns a caption layer onto the composite with a fixed set of filters, however many cues there are: a
 * {@code sendcmd} reading a script file, then "slots", each one filter hidden ({@code enable=0}) until the script
 * shows it: per line of the cues on screen at once, a {@code drawtext} (and one for the spoken word of a rich
 * caption, with a {@code drawbox} behind it), and per row of the rounded background box a {@code drawbox}. When a
 * cue begins the script moves its slots' boxes, gives its drawtexts their line ({@code reinit}) and enables them;
 * when it ends it disables them. Cues overlapping in time take further slots. A filter per cue would cost every
 * frame a pass through every cue's filters (ffmpeg 4.4's scheduler looks at all of a graph's filters for each
 * one it runs: 4,000 filters cost 0.8 s a frame); slots cost a frame the same for ten cues or 2,000. Text reaches
 * drawtext quoted for sendcmd's and the option parser's quoting, with {@code expansion=none}.
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
 * drawn); karaoke and typewriter draw the words spoken so far as one text. Words are placed by the widths of the
 * text before them, measured with the face drawtext draws.
 *
 * <p>A caption clip with a transition, an effect or a filter is drawn the same way onto a clear picture of the
 * frame instead of the composite, which then takes them as a picture does ({@link PictureLayerFilters}: the
 * picture's box is the frame), and is overlaid. drawtext in ffmpeg 4.4 blends a clear frame's alpha as if it
 * were a colour (a translucent colour would come out fainter) and drawbox leaves it alone, so the slots are drawn
 * twice, by one script each: in their colours over black (the colour, premultiplied by its alpha) and in white at
 * their colours' alpha over black on a grey frame (how much each pixel is covered: the alpha); the two are merged
 * and the colour divided by the alpha. Clips with none of those stay on the composite, which costs no frame-sized
 * pictures.
 */
final class CaptionLayerFilters {

    /** Kept clear along the frame's edges, as a fraction of its height (as for text). */
    static final double EDGE = TextLayout.MARGIN;
    /** How much larger {@code pop} draws the spoken word. */
    static final double POP = 1.25;

    /** Where grey frames put black and white (video range), and how far apart. */
    private static final int GREY_BLACK = 16;
    private static final int GREY_RANGE = 219;

    private final FilterGraph graph;
    private final Size frame;
    private final Fps fps;
    private final ChromaSampling sampling;
    private final LiberationFonts fonts;
    private final WorkFiles files;
    /** Draws every colour as white at its alpha: the coverage twin of a picture's slots. */
    private final boolean coverage;
    private int layers;

    CaptionLayerFilters(FilterGraph graph, Size frame, Fps fps, ChromaSampling sampling, LiberationFonts fonts,
            WorkFiles files) {
        this(graph, frame, fps, sampling, fonts, files, false);
    }

    private CaptionLayerFilters(FilterGraph graph, Size frame, Fps fps, ChromaSampling sampling,
            LiberationFonts fonts, WorkFiles files, boolean coverage) {
        this.graph = graph;
        this.frame = frame;
        this.fps = fps;
        this.sampling = sampling;
        this.fonts = fonts;
        this.files = files;
        this.coverage = coverage;
    }

    /** One line of a cue, its words, and where it is drawn. */
    record PlacedLine(String text, List<Cue.Word> words, double x, int baseline) {}

    /** A cue laid out: its box and lines. */
    record CueLayout(int boxX, int boxY, int boxWidth, int boxHeight, List<PlacedLine> lines) {}

    /** Something a slot shows from {@code start} to {@code end}: its commands on entering. */
    private record Shown(double start, double end, List<String> enter) {}

    /** Adds the layer for the output time {@code [from, to)} over {@code main}; returns the composite's label. */
    String add(String main, VisualLayer.Caption layer, double from, double to) {
        CaptionStyle style = layer.style();
        if (style.finish().painted()) {
            // what drawtext cannot draw (letter spacing, gradients, blurred shadows, ...): pictures, one input
            return new PaintedCaptionLayer(graph, frame, fps, sampling, fonts, files.directory())
                    .add(main, layer, from, to);
        }
        SizedFont font = fonts.font(style.face(), style.size());
        Path fontFile = fonts.file(style.face()).toAbsolutePath();
        double opacity = Math.max(0, Math.min(1, layer.look().opacity()));
        String prefix = "cap" + layers++ + "_";
        // slot name -> what it shows, in time order; a slot is one filter, told by sendcmd what and where
        java.util.Map<String, List<Shown>> slots = new java.util.LinkedHashMap<>();
        List<Double> slotFreeAt = new ArrayList<>();
        for (Cue cue : layer.cues()) {
            double start = Math.max(cue.start(), from);
            double end = Math.min(cue.end(), to);
            if (end - start <= 1e-9 || cue.text().isBlank()) {
                continue;
            }
            int slot = 0;
            while (slot < slotFreeAt.size() && slotFreeAt.get(slot) > start + 1e-9) {
                slot++;
            }
            if (slot == slotFreeAt.size()) {
                slotFreeAt.add(end);
            } else {
                slotFreeAt.set(slot, end);
            }
            CueLayout layout = layout(cue, layer, font);
            if (style.background().isPresent()) {
                List<int[]> rectangles = rectangles(layout.boxX(), layout.boxY(), layout.boxWidth(),
                        layout.boxHeight(), style.borderRadius());
                for (int i = 0; i < rectangles.size(); i++) {
                    int[] r = rectangles.get(i);
                    shown(slots, prefix + "b" + slot + "r" + i, start, end, List.of("x " + r[0], "y " + r[1],
                            "w " + Math.max(1, r[2]), "h " + Math.max(1, r[3])));
                }
            }
            for (int l = 0; l < layout.lines().size(); l++) {
                PlacedLine line = layout.lines().get(l);
                if (style.animation() != CaptionStyle.WordAnimation.TYPEWRITER) {
                    shown(slots, prefix + "t" + slot + "l" + l, start, end, List.of(reinit(line.text(), line.x(),
                            line.baseline())));
                }
                words(slots, prefix + "w" + slot + "l" + l, line, font, style, start, end);
            }
        }
        if (slots.isEmpty()) {
            return main;
        }
        if (onPicture(layer)) {
            return picture(main, layer, slots, prefix, font, fontFile, from, to);
        }
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.of("sendcmd").with("f", commands(slots).toString()));
        for (String name : slots.keySet()) {
            filters.add(slotFilter(name, prefix, style, font, fontFile, opacity));
        }
        return graph.then(main, filters, "caption");
    }

    /**
     * Whether the layer needs drawing as a picture: a transition, an effect, a filter, a tween of opacity, offset,
     * scale, rotation or skew, or a flip, skew or rotation.
     */
    static boolean onPicture(VisualLayer.Caption layer) {
        Look look = layer.look();
        Transform transform = layer.transform();
        return look.in().isPresent() || look.out().isPresent() || look.effect().isPresent()
                || look.filter().isPresent() || look.animation().looks() || look.animation().shapes()
                || transform.flips() || transform.skews() || transform.rotates();
    }

    /**
     * The slots drawn on a clear picture of the frame (in colour, and in white for the alpha), which takes the
     * layer's look as a picture does and is overlaid on {@code main}; returns the composite's label.
     */
    private String picture(String main, VisualLayer.Caption layer, java.util.Map<String, List<Shown>> slots,
            String prefix, SizedFont font, Path fontFile, double from, double to) {
        double start = Math.max(layer.timing().start(), from);
        double end = Math.min(layer.timing().end(), to);
        CaptionLayerFilters twin = new CaptionLayerFilters(graph, frame, fps, sampling, fonts, files, true);
        String coveragePrefix = prefix.replace("_", "c_");
        java.util.Map<String, List<Shown>> covering = new java.util.LinkedHashMap<>();
        slots.forEach((name, shown) -> covering.put(coveragePrefix + name.substring(prefix.length()), shown));

        // opacity is the picture's (PictureLayerFilters): the slots draw at their colours' own. In YUV throughout:
        // through RGBA, the conversions cost four times the rest.
        List<Filter> colours = clear("yuv444p", start, end);
        colours.add(Filter.of("sendcmd").with("f", commands(slots).toString()));
        for (String name : slots.keySet()) {
            colours.add(slotFilter(name, prefix, layer.style(), font, fontFile, 1));
        }
        String colour = graph.label("captioncolour");
        graph.chain(List.of(), colours, colour);

        List<Filter> alphas = clear("gray", start, end);
        alphas.add(Filter.of("sendcmd").with("f", twin.commands(covering).toString()));
        for (String name : covering.keySet()) {
            alphas.add(twin.slotFilter(name, coveragePrefix, layer.style(), font, fontFile, 1));
        }
        alphas.add(Filter.of("lut").with("c0", "clip((val-" + GREY_BLACK + ")*255/" + GREY_RANGE + ",0,255)"));
        String alpha = graph.label("captionalpha");
        graph.chain(List.of(), alphas, alpha);

        String drawn = graph.label("captions");
        graph.chain(List.of(colour, alpha), List.of(Filter.of("alphamerge"),
                Filter.of("unpremultiply").with("inplace", 1)), drawn);
        Optional<PictureLayerFilters.Overlay> overlay = new PictureLayerFilters(graph, frame, fps, sampling).drawn(
                new VisualLayer.Picture(layer.timing(), layer.look(), null, 0, 1, false, frameBox(layer, frame)), drawn,
                from, to);
        if (overlay.isEmpty()) {
            return main;
        }
        String composite = graph.label("main");
        graph.chain(List.of(main, overlay.get().label()), List.of(overlay.get().filter(sampling)), composite);
        return composite;
    }

    /** The box of a picture of the whole frame, turned, skewed and flipped as the layer's transform says. */
    static Box frameBox(VisualLayer.Caption layer, Size frame) {
        Transform transform = layer.transform();
        return new Box(frame.width(), frame.height(), new Box.Crop(0, 0, frame.width(), frame.height()), 0, 0,
                new Transform(Transform.Crop.NONE, transform.flipHorizontal(), transform.flipVertical(),
                        transform.angle(), transform.skewX(), transform.skewY()));
    }

    /**
     * Black frames of {@code format} the size of the frame, on the output time from {@code start} to a frame past
     * {@code end} (the picture's chain cuts them at its end).
     */
    private List<Filter> clear(String format, double start, double end) {
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.of("color").with("c", "black").with("s", frame.width() + "x" + frame.height())
                .with("r", fps.numerator() + "/" + fps.denominator()).with("d", end - start + 1 / fps.value()));
        filters.add(Filter.of("format").with("pix_fmts", format));
        filters.add(Filter.of("setpts").positional("PTS+" + Filter.ticks(start)));
        return filters;
    }

    /** The filter of a slot, hidden until sendcmd shows it: a box row, a line, a word or its box. */
    private Filter slotFilter(String name, String prefix, CaptionStyle style, SizedFont font, Path fontFile,
            double opacity) {
        char kind = kind(name);
        Color active = style.active().map(CaptionStyle.ActiveWord::color).orElse(style.color());
        return switch (kind) {
            case 'b' -> Filter.of("drawbox@" + name).with("x", 0).with("y", 0).with("w", 1).with("h", 1)
                    .with("color", color(style.background().orElseThrow(), opacity)).with("t", "fill")
                    .enabledWhen("0");
            case 'a' -> Filter.of("drawbox@" + name).with("x", 0).with("y", 0).with("w", 1).with("h", 1)
                    .with("color", color(style.active().flatMap(CaptionStyle.ActiveWord::background).orElseThrow(),
                            opacity)).with("t", "fill").enabledWhen("0");
            case 't' -> text(style.size(), style.color(), style, fontFile, opacity, name);
            default -> text(style.animation() == CaptionStyle.WordAnimation.POP
                            ? (int) Math.round(style.size() * POP) : style.size(),
                    style.animation() == CaptionStyle.WordAnimation.TYPEWRITER ? style.color() : active,
                    style, fontFile, opacity, name);
        };
    }

    private static void shown(java.util.Map<String, List<Shown>> slots, String slot, double start, double end,
            List<String> enter) {
        slots.computeIfAbsent(slot, name -> new ArrayList<>()).add(new Shown(start, end, enter));
    }

    /**
     * sendcmd's script: for each thing shown, on entering its interval the slot's filter is moved (and given its
     * text) and enabled, on leaving disabled. Intervals of one slot never overlap; sendcmd runs them in start
     * order, so one ending as the next begins hides and shows in that order.
     */
    private Path commands(java.util.Map<String, List<Shown>> slots) {
        StringBuilder script = new StringBuilder();
        for (var slot : slots.entrySet()) {
            char kind = kind(slot.getKey());
            String target = (kind == 'b' || kind == 'a' ? "drawbox@" : "drawtext@") + slot.getKey();
            for (Shown shown : slot.getValue()) {
                script.append(Filter.number(shown.start())).append('-').append(Filter.number(shown.end()));
                for (String command : shown.enter()) {
                    script.append(" [enter] ").append(target).append(' ').append(command).append(',');
                }
                script.append(" [enter] ").append(target).append(" enable 1, [leave] ").append(target)
                        .append(" enable 0;\n");
            }
        }
        return files.write("commands", script.toString());
    }

    /** A slot's kind: b (a row of the background box), t (a line), w (a word), a (the word's box). */
    private static char kind(String slot) {
        return slot.charAt(slot.indexOf('_') + 1);
    }

    /**
     * drawtext's reinit to draw {@code text} with its left at x and its baseline at row y. The text is quoted for
     * the two parsers it passes (sendcmd's argument, then the option string), each reading {@code '...'} literally
     * and {@code '\\''} as a quote; with {@code expansion=none} nothing else in it is special.
     */
    private static String reinit(String text, double x, int baseline) {
        String options = "text=" + quoted(text) + ":x=" + (int) Math.round(x) + ":y=" + baseline + "-ascent";
        return "reinit " + quoted(options);
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** The active-style words of a rich caption's line, one slot (and one for its box) per line. */
    private void words(java.util.Map<String, List<Shown>> slots, String slot, PlacedLine line, SizedFont font,
            CaptionStyle style, double cueStart, double cueEnd) {
        boolean restyled = style.active().isPresent() || style.animation() == CaptionStyle.WordAnimation.POP
                || style.animation() == CaptionStyle.WordAnimation.TYPEWRITER;
        if (style.animation() == CaptionStyle.WordAnimation.NONE || !restyled) {
            return;
        }
        boolean prefixes = style.animation() == CaptionStyle.WordAnimation.KARAOKE
                || style.animation() == CaptionStyle.WordAnimation.TYPEWRITER;
        String boxSlot = slot.replace("_w", "_a");
        StringBuilder before = new StringBuilder();
        List<Cue.Word> words = line.words();
        for (int i = 0; i < words.size(); i++) {
            Cue.Word word = words.get(i);
            double wordX = line.x() + font.width(before + (before.isEmpty() ? "" : " "));
            double wordWidth = font.width(word.text());
            before.append(before.isEmpty() ? "" : " ").append(word.text());
            double start = Math.max(word.start(), cueStart);
            // a word is shown until the next one starts (karaoke and typewriter: the next prefix replaces it)
            double next = i + 1 < words.size() ? Math.max(start, words.get(i + 1).start()) : cueEnd;
            double end = Math.min(cueEnd, prefixes ? next : Math.min(Math.max(word.end(), start), next));
            if (end - start <= 1e-9) {
                continue;
            }
            String text = prefixes ? before.toString() : word.text();
            double x = prefixes ? line.x() : wordX;
            if (style.animation() == CaptionStyle.WordAnimation.POP) {
                x = wordX + wordWidth / 2 - fonts.font(style.face(), Math.round(style.size() * POP)).width(word.text()) / 2;
            }
            shown(slots, slot, start, end, List.of(reinit(text, x, line.baseline())));
            if (style.animation() != CaptionStyle.WordAnimation.TYPEWRITER
                    && style.active().flatMap(CaptionStyle.ActiveWord::background).isPresent()) {
                double boxX = prefixes ? line.x() : wordX;
                double boxWidth = prefixes ? font.width(text) : wordWidth;
                shown(slots, boxSlot, start, end, List.of("x " + (int) Math.floor(boxX),
                        "y " + (int) Math.round(line.baseline() - font.ascent()),
                        "w " + Math.max(1, (int) Math.ceil(boxWidth)),
                        "h " + Math.max(1, (int) Math.ceil(font.ascent() + font.descent()))));
            }
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

    /** A drawtext slot, hidden and without text until sendcmd gives it some. */
    private Filter text(int size, Color color, CaptionStyle style, Path fontFile, double opacity, String name) {
        Filter drawtext = Filter.of("drawtext@" + name)
                .with("fontfile", fontFile.toString())
                .with("text", " ")
                .with("expansion", "none")
                .with("fontsize", size)
                .with("fontcolor", color(color, opacity))
                .with("x", 0)
                .with("y", 0);
        if (style.stroke().isPresent() && style.strokeWidth() > 0) {
            drawtext.with("borderw", Math.max(1, Math.round(style.strokeWidth())))
                    .with("bordercolor", color(style.stroke().get(), opacity));
        }
        style.shadow().ifPresent(shadow -> drawtext.with("shadowcolor", color(shadow.color(), opacity))
                .with("shadowx", shadow.x()).with("shadowy", shadow.y()));
        return drawtext.enabledWhen("0");
    }

    /**
     * A filled box; with a radius, rounded: the middle rows as one box, each row of the corners as its own box
     * inset by the circle's width there. The boxes never overlap, so a translucent colour stays even.
     */
    static List<int[]> rectangles(int x, int y, int width, int height, int radius) {
        int r = Math.max(0, Math.min(radius, Math.min(width, height) / 2));
        List<int[]> rows = new ArrayList<>();
        rows.add(new int[] {x, y + r, width, height - 2 * r});
        for (int row = 0; row < r; row++) {
            double dy = r - row - 0.5;
            int inset = (int) Math.round(r - Math.sqrt(Math.max(0, (double) r * r - dy * dy)));
            rows.add(new int[] {x + inset, y + row, width - 2 * inset, 1});
            rows.add(new int[] {x + inset, y + height - 1 - row, width - 2 * inset, 1});
        }
        return rows;
    }

    /** drawtext/drawbox colour syntax: {@code 0xRRGGBB@alpha}; white at that alpha for the coverage twin. */
    private String color(Color color, double opacity) {
        return "0x" + (coverage ? "ffffff" : color.rgbHex()) + "@" + Filter.number(color.opacity() * opacity);
    }
}
