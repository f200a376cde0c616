package dev.reelforge.media;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.ColorFilter;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Transform;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.plan.Box;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chain that turns one picture layer's source into frames ready to overlay: timed onto the output
 * timeline, sized into its box, coloured, made transparent as its look says.
 *
 * <p>A video is read from its trim (input seek) for no more than the layer needs, retimed by its speed and
 * resampled to the output frame rate, so that every expression of {@code t} sees output time. A still image
 * is decoded, sized and coloured once and then repeated ({@code loop}), so only what changes over time is
 * done per frame. Zooms are {@code scale} with per-frame evaluation followed by a fixed-size {@code crop}
 * around the box's centre, pans a moving {@code crop}: no {@code zoompan}.
 */
final class PictureLayerFilters {

    /** Read a little past what the layer needs, so its last frame is never short of source. */
    private static final double READ_MARGIN_SECONDS = 0.5;
    /**
     * Codecs whose pictures ffmpeg decodes without alpha (VP8 and VP9 keep theirs in side data, which its own decoders
     * leave out). ProRes 4444, PNG, QuickTime RLE and the like may carry alpha and are not among them.
     */
    private static final Set<String> OPAQUE_CODECS = Set.of("h264", "hevc", "mpeg4", "mpeg2video", "mpeg1video",
            "vp8", "vp9", "av1", "theora", "mjpeg");
    /** ffmpeg's shear goes no further. */
    private static final double MAX_SHEAR = 2;
    private static final AtomicLong SHEARS = new AtomicLong();

    /** Frames ready to overlay, with where to draw them. */
    record Overlay(String label, Expression x, Expression y) {

        /** Draws the frames over the composite; when they run out the composite goes on without them. */
        Filter filter(ChromaSampling sampling) {
            Filter overlay = Filter.of("overlay").with("x", x.text()).with("y", y.text())
                    .with("eof_action", "pass").with("format", sampling.overlay());
            return x.varies() || y.varies() ? overlay : overlay.with("eval", "init");
        }
    }

    private final FilterGraph graph;
    private final Size frame;
    private final Fps fps;
    private final ChromaSampling sampling;

    PictureLayerFilters(FilterGraph graph, Size frame, Fps fps, ChromaSampling sampling) {
        this.graph = graph;
        this.frame = frame;
        this.fps = fps;
        this.sampling = sampling;
    }

    /**
     * Adds the layer's chain for the output time {@code [from, to)}; empty when it is not shown then.
     */
    Optional<Overlay> add(VisualLayer.Picture layer, Path file, double from, double to) {
        return add(layer, file, Map.of(), from, to);
    }

    /** As {@link #add(VisualLayer.Picture, Path, double, double)}, with the local files of its mattes' sources. */
    Optional<Overlay> add(VisualLayer.Picture layer, Path file, Map<Integer, Path> sources, double from, double to) {
        return add(layer, file, 1, sources, from, to);
    }

    /**
     * As {@link #add(VisualLayer.Picture, Path, Map, double, double)}; a still layer's {@code file} may also be a
     * numbered sequence of {@code frames} images ({@code %04d}), shown one per output frame from the start of
     * {@code [from, to)}, the last one held after them.
     */
    Optional<Overlay> add(VisualLayer.Picture layer, Path file, int frames, Map<Integer, Path> sources, double from,
            double to) {
        return add(layer, file, null, frames, sources, from, to);
    }

    /**
     * Frames drawn in the graph shown as a moving picture layer (not still) for the output time {@code [from, to)}:
     * {@code drawn} labels frames of the box's scaled size at the output frame rate, timed on the output from the
     * layer's first frame shown, running at least a frame past its last; empty when the layer is not shown then.
     */
    Optional<Overlay> drawn(VisualLayer.Picture layer, String drawn, double from, double to) {
        return add(layer, null, drawn, 1, Map.of(), from, to);
    }

    private Optional<Overlay> add(VisualLayer.Picture layer, Path file, String drawn, int frames,
            Map<Integer, Path> sources, double from, double to) {
        double start = Math.max(layer.timing().start(), from);
        double end = Math.min(layer.timing().end(), to);
        if (end - start <= 1e-9) {
            return Optional.empty();
        }
        LookOverTime look = new LookOverTime(layer.timing(), layer.look(), frame);
        Box box = layer.box();
        Box.Crop crop = box.crop();
        int width = crop.width();
        int height = crop.height();
        Expression zoom = look.zoom();
        Expression panX = look.panX(width);
        Expression panY = look.panY(height);
        double centreX = crop.x() + width / 2.0;
        double centreY = crop.y() + height / 2.0;

        List<Filter> filters = new ArrayList<>();
        String input;
        if (layer.still()) {
            // A paused video shows its frame at trim (a second of it is read); an image, or an animated one, its first.
            input = graph.input(layer.speed() == 0 ? new FilterGraph.Input(file, layer.trim(), 1)
                    : FilterGraph.Input.whole(file)) + ":v";
            if (frames == 1) {
                filters.add(Filter.of("trim").with("end_frame", 1));
            }
            sourceCrop(box.transform().crop()).ifPresent(filters::add);
            List<Filter> perFrame = new ArrayList<>();
            if (zoom.varies()) {
                filters.add(scale(box.scaledWidth(), box.scaledHeight(), Expression.ONE));
                cropTo(Expression.ONE, centreX, centreY, Expression.ZERO, Expression.ZERO, width, height,
                        box.scaledWidth(), box.scaledHeight()).ifPresent(filters::add);
                perFrame.add(scale(width, height, zoom));
                cropTo(zoom, width / 2.0, height / 2.0, panX, panY, width, height, -1, -1).ifPresent(perFrame::add);
            } else {
                double factor = zoom.value();
                filters.add(scale(box.scaledWidth(), box.scaledHeight(), zoom));
                List<Filter> window = new ArrayList<>();
                cropTo(zoom, centreX, centreY, panX, panY, width, height,
                        even(box.scaledWidth() * factor), even(box.scaledHeight() * factor)).ifPresent(window::add);
                (panX.varies() || panY.varies() ? perFrame : filters).addAll(window);
            }
            filters.addAll(LumaMatteFilters.chromaKey(layer.chromaKey()));
            filters.addAll(colour(layer.look().filter().orElse(null)));
            filters.addAll(transparency(look, new TweenedLook(layer.look()).tweensOpacity()));
            // One frame more than is shown, cut by trim: the overlay takes the time a stream ends at for the
            // end of its last frame, and a stream that just runs out ends at that frame's start.
            int shown = (int) Math.max(1, Math.ceil((end - start) * fps.value() - 1e-6)) + 1;
            if (frames == 1) {
                filters.add(Filter.of("loop").with("loop", shown - 1).with("size", 1).with("start", 0));
            } else if (shown > frames) {
                filters.add(Filter.of("tpad").with("stop_mode", "clone").with("stop", shown - frames));
            }
            // The image demuxer's time base (1/25) cannot hold other frame rates' times.
            filters.add(Filter.of("settb").with("expr", fps.denominator() + "/" + fps.numerator()));
            filters.add(Filter.of("setpts").positional("N+" + Filter.ticks(start)));
            filters.add(Filter.of("trim").with("end", end));
            filters.addAll(perFrame);
        } else {
            if (drawn == null) {
                input = played(layer, file, start, end, filters);
            } else {
                input = drawn;
            }
            filters.add(Filter.of("trim").with("end", end));
            sourceCrop(box.transform().crop()).ifPresent(filters::add);
            filters.add(scale(box.scaledWidth(), box.scaledHeight(), zoom));
            double factor = zoom.varies() ? Double.NaN : zoom.value();
            cropTo(zoom, centreX, centreY, panX, panY, width, height,
                    zoom.varies() ? -1 : even(box.scaledWidth() * factor),
                    zoom.varies() ? -1 : even(box.scaledHeight() * factor)).ifPresent(filters::add);
            filters.addAll(LumaMatteFilters.chromaKey(layer.chromaKey()));
            filters.addAll(colour(layer.look().filter().orElse(null)));
            filters.addAll(transparency(look, new TweenedLook(layer.look()).tweensOpacity()));
        }
        filters.addAll(look.fades());
        if (!layer.mattes().isEmpty()) {
            // mattes cover the picture as it is placed, before it is mirrored or turned
            String unmatted = graph.then(input, filters, "picture");
            input = new LumaMatteFilters(graph, fps).apply(unmatted, layer.mattes(), sources, width, height, start,
                    end);
            filters = new ArrayList<>();
        }
        return Optional.of(shaped(input, filters, layer.look(), look, box.transform(), box.x(), box.y(), width, height,
                start, end));
    }

    /**
     * Whether the layer needs nothing under it while it shows: a moving picture (not a still, whose image may be
     * transparent) from a source whose codec carries no alpha, filling the frame edge to edge, opaque (no opacity,
     * matte, key, tween, motion effect or transform), entering and leaving by no transition but a fade, which over
     * the background is a fade from and to the background's colour.
     */
    boolean fillsFrameOpaquely(VisualLayer.Picture layer) {
        Box box = layer.box();
        dev.reelforge.core.plan.Look planned = layer.look();
        return !layer.still() && layer.speed() > 0 && layer.mattes().isEmpty() && layer.chromaKey().isEmpty()
                && layer.source().info().video().map(video -> OPAQUE_CODECS.contains(video.codec())).orElse(false)
                && box.x() == 0 && box.y() == 0 && box.crop().width() == frame.width()
                && box.crop().height() == frame.height() && box.transform().equals(Transform.NONE)
                && planned.opacity() >= 1 && planned.effect().isEmpty()
                && !planned.animation().looks() && !planned.animation().shapes()
                && planned.in().map(in -> in.transition().kind() == TransitionKind.FADE).orElse(true)
                && planned.out().map(out -> out.transition().kind() == TransitionKind.FADE).orElse(true);
    }

    /**
     * The frames of a layer that {@link #fillsFrameOpaquely fills the frame opaquely} for the output time
     * {@code [from, to)}, to be joined end to end with others instead of drawn on a canvas: opaque, frame-sized,
     * exactly as long as the layer shows then (the background where its source runs out, as on a canvas), its fades
     * to and from the background, its timestamps from 0. Returns the label; the layer must show then.
     */
    String edgeToEdge(VisualLayer.Picture layer, Path file, Color background, double from, double to) {
        double start = Math.max(layer.timing().start(), from);
        double end = Math.min(layer.timing().end(), to);
        LookOverTime look = new LookOverTime(layer.timing(), layer.look(), frame);
        Box box = layer.box();
        String colour = "0x" + background.rgbHex();
        List<Filter> filters = new ArrayList<>();
        String input = played(layer, file, start, end, filters);
        filters.add(Filter.of("trim").with("end", end));
        filters.add(scale(box.scaledWidth(), box.scaledHeight(), Expression.ONE));
        cropTo(Expression.ONE, box.crop().x() + frame.width() / 2.0, box.crop().y() + frame.height() / 2.0,
                Expression.ZERO, Expression.ZERO, frame.width(), frame.height(), box.scaledWidth(),
                box.scaledHeight()).ifPresent(filters::add);
        filters.addAll(colour(layer.look().filter().orElse(null)));
        // Square pixels, as on the canvas: joined pictures must agree on their sample aspect ratio.
        filters.add(Filter.of("setsar").positional("1"));
        filters.add(Filter.of("format").with("pix_fmts", sampling.opaque()));
        filters.addAll(look.fadesThrough(colour));
        filters.add(Filter.of("tpad").with("stop_duration", end - start).with("color", colour));
        filters.add(Filter.of("trim").with("end", end));
        filters.add(Filter.of("setpts").positional("PTS-STARTPTS"));
        return graph.then(input, filters, "edge");
    }

    /**
     * A moving layer's source read from where the output time {@code [start, end)} needs it (with a margin), its
     * frames put on the output's clock at its speed and resampled to the output's frame rate ({@code filters} gets
     * those two); returns the input's label.
     */
    private String played(VisualLayer.Picture layer, Path file, double start, double end, List<Filter> filters) {
        double seek = layer.trim() + (start - layer.timing().start()) * layer.speed();
        double seconds = (end - start) * layer.speed() + READ_MARGIN_SECONDS;
        String speed = layer.speed() == 1 ? "" : "/" + Filter.number(layer.speed());
        filters.add(Filter.of("setpts").positional("(PTS-STARTPTS)" + speed + "+" + Filter.ticks(start)));
        filters.add(Filter.of("fps").with("fps", fps.numerator() + "/" + fps.denominator()));
        return graph.input(new FilterGraph.Input(file, seek, seconds)) + ":v";
    }

    /**
     * Adds the chain {@code input} then {@code filters} then what a layer's look and transform do to its
     * {@code width x height} picture placed at ({@code boxX}, {@code boxY}) for the output time {@code [start, end)}:
     * tweened opacity, flip, skew, turn (fixed, tweened, shuffle), tweened size, and the moves of its transitions and
     * tweened offset; returns where to overlay it. A null {@code input}: the filters start with a source.
     */
    Overlay shaped(String input, List<Filter> filters, dev.reelforge.core.plan.Look planned, LookOverTime look,
            Transform transform, int boxX, int boxY, int width, int height, double start, double end) {
        TweenedLook tweened = new TweenedLook(planned);
        filters.addAll(tweened.opacity(new Timing(start, end - start), fps));
        if (transform.flipHorizontal()) {
            filters.add(Filter.of("hflip"));
        }
        if (transform.flipVertical()) {
            filters.add(Filter.of("vflip"));
        }
        if (transform.skews() || planned.animation().skews()) {
            // Sheared about its centre on transparent room for the corners it moves out (at its steepest, when
            // tweened). A skew is how far one edge moves against the opposite one, in frames; shear takes pixels
            // moved per pixel from the centre, at most 2 (nearly flat already), and the opposite sign (its
            // positive x moves rows below it left).
            List<double[]> shears = shears(planned, transform, width, height, start, end);
            double steepestX = shears.stream().mapToDouble(shear -> Math.abs(shear[0])).max().orElse(0);
            double steepestY = shears.stream().mapToDouble(shear -> Math.abs(shear[1])).max().orElse(0);
            int roomX = (int) Math.ceil(steepestX * (height + steepestY * width) / 2) + 2;
            int roomY = (int) Math.ceil(steepestY * (width + steepestX * height) / 2) + 2;
            filters.add(Filter.of("pad").with("w", width + 2 * roomX).with("h", height + 2 * roomY)
                    .with("x", roomX).with("y", roomY).with("color", "black@0"));
            filters.addAll(shear(shears, start));
            boxX -= roomX;
            boxY -= roomY;
            width += 2 * roomX;
            height += 2 * roomY;
        }
        double diagonal = Math.hypot(width, height);
        Expression turn = look.shuffleTurn().plus(tweened.turn());
        if (turn.varies()) {
            // Turned about its centre over time onto a square that holds it at any angle. Cleared to transparent
            // at each frame: "none" would leave what earlier frames drew where this one does not.
            int square = even(diagonal + 2);
            filters.add(Filter.of("rotate").with("a", turn.plus(Math.toRadians(transform.angle())).text())
                    .with("ow", square).with("oh", square).with("c", "black@0"));
            boxX -= (square - width) / 2;
            boxY -= (square - height) / 2;
            width = square;
            height = square;
        } else if (transform.rotates()) {
            // Turned about its centre onto a frame that holds every corner; the corners outside it are clear.
            double radians = Math.toRadians(transform.angle());
            double cos = Math.abs(Math.cos(radians));
            double sin = Math.abs(Math.sin(radians));
            int turnedWidth = even(width * cos + height * sin - 1e-6);
            int turnedHeight = even(width * sin + height * cos - 1e-6);
            filters.add(Filter.of("rotate").with("a", Filter.number(radians)).with("ow", turnedWidth)
                    .with("oh", turnedHeight).with("c", "none"));
            boxX -= (turnedWidth - width) / 2;
            boxY -= (turnedHeight - height) / 2;
            width = turnedWidth;
            height = turnedHeight;
        }
        Expression x = look.slideX().plus(boxX).plus(tweened.moveX(frame)).plus(look.shuffleX(diagonal));
        Expression y = look.slideY().plus(boxY).plus(tweened.moveY(frame)).plus(look.shuffleY(diagonal));
        if (look.wipes()) {
            LookOverTime.Wipe wipe = look.wipe(boxX, width);
            filters.add(Filter.of("pad").with("w", wipe.padLeft() + width + wipe.padRight()).with("h", height)
                    .with("x", wipe.padLeft()).with("y", 0).with("color", "black@0"));
            filters.add(Filter.of("crop").with("w", width).with("h", height)
                    .with("x", wipe.offset().plus(wipe.padLeft()).text()).with("y", 0));
            x = x.plus(wipe.offset());
        }
        Expression resize = tweened.resize();
        if (resize.varies()) {
            // Shrunk about its centre at each frame from the size of its largest scale.
            filters.add(Filter.of("scale")
                    .with("w", "max(2,2*trunc(" + width + "*(" + resize.text() + ")/2))")
                    .with("h", "max(2,2*trunc(" + height + "*(" + resize.text() + ")/2))")
                    .with("eval", "frame"));
            x = x.plus(Expression.ofTime("(" + width + "-overlay_w)/2"));
            y = y.plus(Expression.ofTime("(" + height + "-overlay_h)/2"));
        }
        String label;
        if (input == null) {
            label = graph.label("picture");
            graph.chain(List.of(), filters, label);
        } else {
            label = graph.then(input, filters, "picture");
        }
        return new Overlay(label, x, y);
    }

    /**
     * The shear factors (x, y; pixels per pixel, ffmpeg's sign) of a {@code width x height} picture at each output
     * frame of {@code [start, end)}: the tweened skew's value then where an axis is tweened, else the transform's.
     */
    private List<double[]> shears(dev.reelforge.core.plan.Look planned, Transform transform, int width, int height,
            double start, double end) {
        int frames = planned.animation().skews()
                ? Math.max(1, (int) Math.ceil((end - start) * fps.value() - 1e-6)) : 1;
        List<double[]> shears = new ArrayList<>(frames);
        for (int index = 0; index < frames; index++) {
            double clipSeconds = start + index / fps.value() - planned.clipStart();
            double skewX = planned.animation().skewX().map(tweens -> tweens.valueAt(clipSeconds))
                    .orElse(transform.skewX());
            double skewY = planned.animation().skewY().map(tweens -> tweens.valueAt(clipSeconds))
                    .orElse(transform.skewY());
            shears.add(new double[] {
                    -Math.clamp(Math.round(skewX * frame.width() / height * 10000) / 10000.0, -MAX_SHEAR, MAX_SHEAR),
                    -Math.clamp(Math.round(skewY * frame.height() / width * 10000) / 10000.0, -MAX_SHEAR,
                            MAX_SHEAR)});
        }
        return shears;
    }

    /**
     * A shear by the first of {@code shears}, and when they change, rewritten by {@code sendcmd} at each output
     * frame from {@code start} where they do ({@code shear} takes no expression of time, only commands).
     */
    private List<Filter> shear(List<double[]> shears, double start) {
        double[] first = shears.getFirst();
        String name = "shear@skew" + SHEARS.incrementAndGet();
        StringBuilder commands = new StringBuilder();
        for (int frame = 1; frame < shears.size(); frame++) {
            double[] previous = shears.get(frame - 1);
            double[] shear = shears.get(frame);
            // A little before the frame's time, so rounding of its timestamp cannot miss it.
            String at = String.format(Locale.ROOT, "%.4f", start + (frame - 0.25) / fps.value());
            if (shear[0] != previous[0]) {
                commands.append(at).append(' ').append(name).append(" shx ").append(Filter.number(shear[0]))
                        .append(';');
            }
            if (shear[1] != previous[1]) {
                commands.append(at).append(' ').append(name).append(" shy ").append(Filter.number(shear[1]))
                        .append(';');
            }
        }
        List<Filter> filters = new ArrayList<>();
        if (!commands.isEmpty()) {
            filters.add(Filter.of("sendcmd").with("c", commands.toString()));
        }
        filters.add(Filter.of(commands.isEmpty() ? "shear" : name).with("shx", Filter.number(first[0]))
                .with("shy", Filter.number(first[1])).with("c", "black@0"));
        return filters;
    }

    /** Scales to {@code width x height} times {@code zoom}, per frame when the zoom changes. */
    private static Filter scale(int width, int height, Expression zoom) {
        if (!zoom.varies()) {
            return Filter.of("scale").with("w", even(width * zoom.value())).with("h", even(height * zoom.value()));
        }
        return Filter.of("scale")
                .with("w", "2*trunc(" + width + "*(" + zoom.text() + ")/2)")
                .with("h", "2*trunc(" + height + "*(" + zoom.text() + ")/2)")
                .with("eval", "frame");
    }

    /**
     * Keeps {@code width x height} around ({@code centreX}, {@code centreY}) of the unzoomed picture, zoomed
     * by {@code zoom} and moved by the pans; nothing when that is the whole {@code scaledWidth x scaledHeight}
     * picture anyway (-1: unknown, it changes).
     */
    private static Optional<Filter> cropTo(Expression zoom, double centreX, double centreY, Expression panX,
            Expression panY, int width, int height, int scaledWidth, int scaledHeight) {
        Expression x = zoom.times(centreX).plus(-width / 2.0).plus(panX);
        Expression y = zoom.times(centreY).plus(-height / 2.0).plus(panY);
        if (scaledWidth == width && scaledHeight == height && x.isConstant(0) && y.isConstant(0)) {
            return Optional.empty();
        }
        return Optional.of(Filter.of("crop").with("w", width).with("h", height)
                .with("x", x.varies() ? x.text() : Filter.number(Math.max(0, Math.round(x.value()))))
                .with("y", y.varies() ? y.text() : Filter.number(Math.max(0, Math.round(y.value())))));
    }

    /** Alpha from here on; opacity multiplies it (a picture's own transparency is kept). */
    private List<Filter> transparency(LookOverTime look, boolean tweened) {
        List<Filter> filters = new ArrayList<>();
        filters.add(Filter.of("format").with("pix_fmts", sampling.withAlpha()));
        if (look.opacity() < 1 && !tweened) {
            filters.add(Filter.of("lut").with("a", "val*" + Filter.number(Math.max(0, look.opacity()))));
        }
        return filters;
    }

    /**
     * Colour filters as lookup tables on Y, U and V (cheap per frame, and they keep an image's alpha, which
     * {@code eq} drops): contrast stretches luma around mid-grey, saturation scales chroma around neutral.
     */
    static List<Filter> colour(ColorFilter filter) {
        if (filter == null) {
            return List.of();
        }
        return switch (filter) {
            case BLUR -> List.of(Filter.of("boxblur").with("luma_radius", "min(w,h)/50").with("luma_power", 2)
                    .with("chroma_radius", "min(cw,ch)/50").with("chroma_power", 2));
            case BOOST -> List.of(levels(1.25, 1.6));
            case CONTRAST -> List.of(levels(1.5, 1));
            case MUTED -> List.of(levels(0.8, 0.5));
            case GREYSCALE -> List.of(Filter.of("lutyuv").with("u", "128").with("v", "128"));
            case NEGATIVE -> List.of(Filter.of("negate"));
            case DARKEN -> List.of(Filter.of("lutyuv").with("y", "minval+(val-minval)*0.7"));
            case LIGHTEN -> List.of(Filter.of("lutyuv").with("y", "maxval-(maxval-val)*0.7"));
        };
    }

    private static Filter levels(double contrast, double saturation) {
        Filter filter = Filter.of("lutyuv").with("y", stretch(contrast));
        if (saturation != 1) {
            filter.with("u", stretch(saturation)).with("v", stretch(saturation));
        }
        return filter;
    }

    private static String stretch(double factor) {
        return "clip((val-128)*" + Filter.number(factor) + "+128,minval,maxval)";
    }

    /** Cuts the asset's crop off the source, before it is fitted; nothing when there is none. */
    private static Optional<Filter> sourceCrop(Transform.Crop crop) {
        if (!crop.crops()) {
            return Optional.empty();
        }
        return Optional.of(Filter.of("crop")
                .with("w", "max(1,iw*" + Filter.number(crop.keptWidth()) + ")")
                .with("h", "max(1,ih*" + Filter.number(crop.keptHeight()) + ")")
                .with("x", "iw*" + Filter.number(crop.left()))
                .with("y", "ih*" + Filter.number(crop.top())));
    }

    static int even(double pixels) {
        return Math.max(2, (int) Math.round(pixels / 2) * 2);
    }
}
