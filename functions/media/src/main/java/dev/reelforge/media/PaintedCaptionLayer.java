package dev.reelforge.media;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.CaptionFinish;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.plan.PaintedCaptions;
import dev.reelforge.core.plan.VisualLayer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A rich caption that drawtext cannot draw ({@link CaptionFinish#painted()}) as pictures: each distinct state of a
 * cue (which words are shown, which is spoken, a word's entrance every
 * {@link PaintedCaptions#STEPS_PER_SECOND}th of a second) is
 * painted once by {@link RichCaptionPainter} into a PNG of the band of the frame the captions use, and the
 * pictures (with a clear one between cues) are listed with their durations in one ffconcat file: one input and
 * one overlay, however many cues there are. The pictures are one-frame animated PNGs, whose time base
 * (1/100000 s) keeps the times exact where a plain PNG's (1/25 s) would round them. Their number is bounded
 * before painting ({@link PaintedCaptions#MAX_PICTURES}; the planner refuses a clip past it naming its
 * source).
 */
final class PaintedCaptionLayer {

    private final FilterGraph graph;
    private final Size frame;
    private final Fps fps;
    private final ChromaSampling sampling;
    private final LiberationFonts fonts;
    private final Path directory;

    PaintedCaptionLayer(FilterGraph graph, Size frame, Fps fps, ChromaSampling sampling, LiberationFonts fonts,
            Path directory) {
        this.graph = graph;
        this.frame = frame;
        this.fps = fps;
        this.sampling = sampling;
        this.fonts = fonts;
        this.directory = directory;
    }

    /** One picture shown from {@code start}: a cue's words as looked then, or nothing. */
    private record Shown(double start, Cue cue, RichCaptionPainter.Layout layout,
            List<RichCaptionPainter.WordLook> looks) {}

    /** Adds the layer for the output time {@code [from, to)} over {@code main}; returns the composite's label. */
    String add(String main, VisualLayer.Caption layer, double from, double to) {
        CaptionStyle style = layer.style();
        RichCaptionPainter painter = new RichCaptionPainter(style, frame, layer.offset(),
                RichTextFrames.face(fonts, style.face()),
                RichTextFrames.face(fonts, style.finish().activeFace().orElse(style.face())));
        List<Shown> shown = new ArrayList<>();
        double top = frame.height();
        double bottom = 0;
        double left = frame.width();
        double right = 0;
        for (Cue cue : layer.cues()) {
            double start = Math.max(cue.start(), from);
            double end = Math.min(cue.end(), to);
            if (end - start <= 1e-9 || cue.text().isBlank()) {
                continue;
            }
            RichCaptionPainter.Layout layout = painter.layout(cue);
            top = Math.min(top, layout.box().getY());
            bottom = Math.max(bottom, layout.box().getMaxY());
            left = Math.min(left, layout.box().getX());
            right = Math.max(right, layout.box().getMaxX());
            // a cue starting while another shows replaces it from then
            shown.removeIf(picture -> picture.start() >= start - 1e-9);
            if (shown.isEmpty() && start > from + 1e-9) {
                shown.add(new Shown(from, null, null, List.of()));
            }
            states(cue, layout, style, start, end, shown);
            shown.add(new Shown(end, null, null, List.of()));
        }
        if (shown.isEmpty()) {
            return main;
        }
        if (shown.size() > PaintedCaptions.MAX_PICTURES) {
            throw new CompositionFailedException("a rich caption needs " + shown.size() + " pictures in this render;"
                    + " at most " + PaintedCaptions.MAX_PICTURES);
        }
        int reach = (int) Math.ceil(painter.reach());
        int bandTop = Math.max(0, (int) Math.floor(top) - reach);
        int bandBottom = Math.min(frame.height(), (int) Math.ceil(bottom) + reach);
        int bandLeft = Math.max(0, (int) Math.floor(left) - reach);
        int bandRight = Math.min(frame.width(), (int) Math.ceil(right) + reach);
        if (bandBottom <= bandTop || bandRight <= bandLeft) {
            return main;
        }
        boolean onPicture = CaptionLayerFilters.onPicture(layer);
        String name = graph.label("richcaption");
        // on a picture, the clip's opacity is the picture's (PictureLayerFilters)
        Path list = write(name, shown, painter, new java.awt.Rectangle(bandLeft, bandTop, bandRight - bandLeft,
                bandBottom - bandTop), onPicture ? 1 : Math.max(0, Math.min(1, layer.look().opacity())), from, to);
        String input = graph.input(FilterGraph.Input.whole(list)) + ":v";
        List<Filter> timed = new ArrayList<>();
        timed.add(Filter.of("setpts").positional("PTS-STARTPTS+" + Filter.ticks(from)));
        if (onPicture) {
            return onPicture(main, layer, input, timed, bandLeft, bandTop, from, to);
        }
        String pictures = graph.label("richcaption");
        graph.chain(List.of(input), timed, pictures);
        String next = graph.label("main");
        graph.chain(List.of(main, pictures), List.of(Filter.of("overlay").with("x", bandLeft).with("y", bandTop)
                .with("eof_action", "pass").with("format", "auto")), next);
        return next;
    }

    /**
     * The cue's pictures from {@code start} to {@code end}, in order, each differing from the one before: the
     * times where a word starts or stops being spoken or moves, and the look of every word from each.
     */
    private static void states(Cue cue, RichCaptionPainter.Layout layout, CaptionStyle style, double start,
            double end, List<Shown> shown) {
        TreeSet<Double> times = new TreeSet<>();
        times.add(start);
        List<Cue.Word> words = cue.words();
        for (int i = 0; i < words.size(); i++) {
            double spoken = Math.max(words.get(i).start(), cue.start());
            times.add(spoken);
            times.add(spokenUntil(cue, i));
            if (style.finish().motion().isPresent()) {
                int steps = (int) Math.ceil(PaintedCaptions.ENTRANCE * PaintedCaptions.STEPS_PER_SECOND);
                for (int step = 1; step <= steps; step++) {
                    times.add(Math.max(spoken,
                            words.get(i).start() + step / (double) PaintedCaptions.STEPS_PER_SECOND));
                }
            }
        }
        List<RichCaptionPainter.WordLook> previous = null;
        for (double time : times.subSet(start, true, end, false)) {
            List<RichCaptionPainter.WordLook> looks = new ArrayList<>();
            for (RichCaptionPainter.PlacedWord word : layout.words()) {
                looks.add(look(cue, word.word(), style, time));
            }
            if (!looks.equals(previous)) {
                shown.add(new Shown(time, cue, layout, looks));
                previous = looks;
            }
        }
    }

    /** Until when word {@code i} is the spoken one: its end, or the next word's start if sooner, in the cue. */
    private static double spokenUntil(Cue cue, int i) {
        Cue.Word word = cue.words().get(i);
        double start = Math.max(word.start(), cue.start());
        double next = i + 1 < cue.words().size() ? Math.max(start, cue.words().get(i + 1).start()) : cue.end();
        return Math.min(cue.end(), Math.min(Math.max(word.end(), start), next));
    }

    /** Word {@code i}'s look {@code time} into the output, as the animation style says. */
    private static RichCaptionPainter.WordLook look(Cue cue, int i, CaptionStyle style, double time) {
        if (i < 0 || style.animation() == CaptionStyle.WordAnimation.NONE) {
            return RichCaptionPainter.WordLook.PLAIN;
        }
        double spoken = Math.max(cue.words().get(i).start(), cue.start());
        boolean speaking = time >= spoken - 1e-9 && time < spokenUntil(cue, i) - 1e-9;
        boolean restyled = style.active().isPresent() || style.animation() == CaptionStyle.WordAnimation.POP;
        return switch (style.animation()) {
            case HIGHLIGHT, POP -> speaking && restyled ? RichCaptionPainter.WordLook.ACTIVE
                    : RichCaptionPainter.WordLook.PLAIN;
            case KARAOKE -> time >= spoken - 1e-9 && restyled ? RichCaptionPainter.WordLook.ACTIVE
                    : RichCaptionPainter.WordLook.PLAIN;
            case TYPEWRITER -> {
                if (time < spoken - 1e-9) {
                    yield RichCaptionPainter.WordLook.HIDDEN;
                }
                if (style.finish().motion().isEmpty()) {
                    yield RichCaptionPainter.WordLook.PLAIN;
                }
                // from the word's own start, which is before the cue's when the render starts in the cue
                yield entering(style.finish().motion().get(),
                        (time - cue.words().get(i).start()) / PaintedCaptions.ENTRANCE,
                        speaking && style.active().isPresent(), style.size());
            }
            case NONE -> RichCaptionPainter.WordLook.PLAIN;
        };
    }

    /**
     * A word {@code progress} (0-1) into its entrance: {@code fade} from clear; {@code slide} travelling half its
     * size in its direction into place, fading in; {@code bounce} growing from half size with an overshoot.
     */
    static RichCaptionPainter.WordLook entering(CaptionFinish.WordMotion motion, double progress, boolean active,
            double size) {
        double p = Math.max(0, Math.min(1, progress));
        double eased = 1 - (1 - p) * (1 - p);
        return switch (motion.kind()) {
            case FADE -> new RichCaptionPainter.WordLook(eased, active, 0, 0, 1);
            case SLIDE -> {
                double left = (1 - eased) * size / 2;
                yield new RichCaptionPainter.WordLook(eased, active, -towards(motion.direction(), true) * left,
                        -towards(motion.direction(), false) * left, 1);
            }
            case BOUNCE -> {
                double q = p - 1;
                double back = q * q * (2.7 * q + 1.7) + 1;
                yield new RichCaptionPainter.WordLook(Math.min(1, 3 * p), active, 0, 0, 0.5 + 0.5 * back);
            }
        };
    }

    /** +1 or -1 along x (or y, down being positive) when the word travels that way, else 0. */
    private static int towards(RichTextLook.Direction direction, boolean x) {
        return switch (direction) {
            case LEFT -> x ? -1 : 0;
            case RIGHT -> x ? 1 : 0;
            case UP -> x ? 0 : -1;
            case DOWN -> x ? 0 : 1;
        };
    }

    /**
     * The pictures (timed by {@code timed}) placed in a clear picture of the frame, which takes the layer's
     * transitions, effect, filter and tweens as a picture does ({@link PictureLayerFilters}; its box is the frame,
     * as for captions drawn by drawtext) and is overlaid on {@code main}; returns the composite's label.
     */
    private String onPicture(String main, VisualLayer.Caption layer, String input, List<Filter> timed, int bandLeft,
            int bandTop, double from, double to) {
        double start = Math.max(layer.timing().start(), from);
        // one picture per output frame (the list gives one per state), a frame past the last, from the first shown
        timed.add(Filter.of("fps").with("fps", fps.numerator() + "/" + fps.denominator()));
        timed.add(Filter.of("tpad").with("stop_mode", "clone").with("stop", 2));
        if (start > from) {
            timed.add(Filter.of("trim").with("start", start));
        }
        timed.add(Filter.of("pad").with("w", frame.width()).with("h", frame.height()).with("x", bandLeft)
                .with("y", bandTop).with("color", "black@0"));
        String drawn = graph.then(input, timed, "richcaption");
        Optional<PictureLayerFilters.Overlay> overlay = new PictureLayerFilters(graph, frame, fps, sampling).drawn(
                new VisualLayer.Picture(layer.timing(), layer.look(), null, 0, 1, false, 
                        CaptionLayerFilters.frameBox(layer, frame)), drawn, from, to);
        if (overlay.isEmpty()) {
            return main;
        }
        String composite = graph.label("main");
        graph.chain(List.of(main, overlay.get().label()), List.of(overlay.get().filter(sampling)), composite);
        return composite;
    }

    /**
     * Paints every picture into the band {@code [bandTop, bandTop + height)} of the frame and lists them with
     * their durations up to {@code to}; identical clear pictures share one file.
     */
    private Path write(String name, List<Shown> shown, RichCaptionPainter painter, java.awt.Rectangle band,
            double opacity, double from, double to) {
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        java.util.Map<Path, Shown> paintings = new java.util.LinkedHashMap<>();
        String clear = null;
        String last = null;
        for (int i = 0; i < shown.size(); i++) {
            Shown picture = shown.get(i);
            double start = Math.max(from, picture.start());
            double end = i + 1 < shown.size() ? Math.min(to, shown.get(i + 1).start()) : to;
            if (end - start <= 1e-9 && i + 1 < shown.size()) {
                continue;
            }
            String file;
            if (picture.cue() == null) {
                if (clear == null) {
                    clear = String.format(Locale.ROOT, "%s-clear.png", name);
                    paint(null, painter, band, opacity, directory.resolve(clear));
                }
                file = clear;
            } else {
                file = String.format(Locale.ROOT, "%s-%05d.png", name, i);
                paintings.put(directory.resolve(file), picture);
            }
            list.append("file '").append(file).append("'\nduration ")
                    .append(Filter.number(Math.max(0, end - start))).append('\n');
            last = file;
        }
        // the pictures are independent: painted on every core
        paintings.entrySet().parallelStream().forEach(painting -> paint(painting.getValue(), painter, band, opacity,
                painting.getKey()));
        // the concat demuxer gives the last file no duration: listed again, it ends the one before at its time
        list.append("file '").append(Objects.requireNonNull(last)).append("'\n");
        Path file = directory.resolve(name + ".ffconcat");
        try {
            Files.writeString(file, list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static void paint(Shown picture, RichCaptionPainter painter, java.awt.Rectangle band, double opacity,
            Path file) {
        BufferedImage image = new BufferedImage(band.width, band.height, BufferedImage.TYPE_INT_ARGB_PRE);
        if (picture != null) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                g.translate(-band.x, -band.y);
                painter.paint(g, picture.layout(), picture.looks());
            } finally {
                g.dispose();
            }
            if (opacity < 1) {
                // premultiplied: the clip's opacity scales every channel alike
                int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                for (int i = 0; i < pixels.length; i++) {
                    int p = pixels[i];
                    pixels[i] = scaled(p >>> 24, opacity) << 24 | scaled(p >> 16 & 0xff, opacity) << 16
                            | scaled(p >> 8 & 0xff, opacity) << 8 | scaled(p & 0xff, opacity);
                }
            }
        }
        RichTextFrames.png(image, file, true);
    }

    private static int scaled(int channel, double factor) {
        return (int) Math.round(channel * factor);
    }
}
