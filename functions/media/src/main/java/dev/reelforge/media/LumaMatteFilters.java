package dev.reelforge.media;

import dev.reelforge.core.edit.model.ChromaKey;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.plan.Matte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes parts of a picture layer transparent besides its opacity: luma mattes and a chroma key.
 *
 * <p><b>Luma mattes.</b> The layer's alpha is multiplied by each matte's "keep" picture during that matte's time: its
 * luma inverted (Shotstack: white is transparent, black opaque), scaled to the layer's picture, a video from its trim
 * resampled to the output rate and holding its last frame if it ends first, a still repeated. Outside every matte's
 * time the alpha passes unchanged ({@code blend}'s {@code repeatlast=0}), so no keep picture is drawn where no matte
 * shows; the planner gives a layer's mattes in time order, never overlapping. Luma is read in full range (a video's
 * limited-range white is 255), so black and white mattes keep or clear completely.
 *
 * <p><b>Chroma key.</b> ffmpeg's {@code colorkey} on RGB: its distance is the Euclidean RGB distance divided by
 * that of black to white (255 x sqrt 3), so Shotstack's {@code threshold} (a distance on 0-255 channels) is
 * {@code similarity = threshold / 441.67} (at least colorkey's minimum, 0.01) and its {@code halo} (over which
 * alpha rises from 0 to 1 beyond the threshold) is {@code blend = halo / 441.67}.
 */
final class LumaMatteFilters {

    /** The RGB distance of black from white: colorkey's unit. */
    static final double RGB_DIAGONAL = 255 * Math.sqrt(3);
    private static final double MIN_SIMILARITY = 0.01;
    /** Read a little past what a matte needs, so its last frame is never short of source. */
    private static final double READ_MARGIN_SECONDS = 0.5;

    /** A matte's luma read as gray through yuv420p (a limited-range white becomes 255), inverted: what it keeps. */
    private static final List<Filter> KEEP = List.of(Filter.of("format").with("pix_fmts", "yuv420p"),
            Filter.of("format").with("pix_fmts", "gray"), Filter.of("lut").with("c0", "255-val"));

    private final FilterGraph graph;
    private final Fps fps;

    LumaMatteFilters(FilterGraph graph, Fps fps) {
        this.graph = graph;
        this.fps = fps;
    }

    /** The chroma key's filters for a picture in any pixel format; none without a key. */
    static List<Filter> chromaKey(Optional<ChromaKey> key) {
        if (key.isEmpty()) {
            return List.of();
        }
        ChromaKey chroma = key.get();
        return List.of(Filter.of("format").with("pix_fmts", "rgba"),
                Filter.of("colorkey").with("color", "0x" + chroma.color().rgbHex())
                        .with("similarity", Math.max(MIN_SIMILARITY, Math.min(1, chroma.threshold() / RGB_DIAGONAL)))
                        .with("blend", Math.min(1, chroma.halo() / RGB_DIAGONAL)));
    }

    /**
     * Applies {@code mattes} to the layer {@code picture} (frames of {@code width x height} with alpha, shown
     * during [{@code start}, {@code end}) of the output); returns the label of the matted layer, or
     * {@code picture} itself when no matte falls in that time.
     */
    String apply(String picture, List<Matte> mattes, Map<Integer, Path> sources, int width, int height,
            double start, double end) {
        List<Matte> shown = mattes.stream()
                .filter(matte -> Math.min(matte.timing().end(), end) - Math.max(matte.timing().start(), start) > 1e-9)
                .toList();
        if (shown.isEmpty()) {
            return picture;
        }
        String main = graph.label("matted");
        String forAlpha = graph.label("matted");
        graph.chain(List.of(picture), List.of(Filter.of("split")), main + "][" + forAlpha);
        String alpha = graph.then(forAlpha, List.of(Filter.of("alphaextract")), "alpha");
        for (Matte matte : shown) {
            String keep = keepFrames(matte, sources.get(matte.source().index()), width, height,
                    Math.max(matte.timing().start(), start), Math.min(matte.timing().end(), end));
            String kept = graph.label("alpha");
            graph.chain(List.of(alpha, keep), List.of(Filter.of("blend").with("all_mode", "multiply")
                    .with("repeatlast", 0)), kept);
            alpha = kept;
        }
        String matted = graph.label("matted");
        graph.chain(List.of(main, alpha), List.of(Filter.of("alphamerge")), matted);
        return matted;
    }

    /** What the matte keeps ({@link #KEEP}) from {@code from} to {@code to} of the output, sized to the picture. */
    private String keepFrames(Matte matte, Path file, int width, int height, double from, double to) {
        List<Filter> filters = new ArrayList<>();
        String input;
        double trim = matte.trim() + (from - matte.timing().start());
        if (matte.still()) {
            input = graph.input(FilterGraph.Input.whole(file)) + ":v";
            filters.add(Filter.of("trim").with("end_frame", 1));
            filters.add(Filter.of("scale").with("w", width).with("h", height));
            filters.addAll(KEEP);
            int frames = (int) Math.max(1, Math.ceil((to - from) * fps.value() - 1e-6)) + 1;
            filters.add(Filter.of("loop").with("loop", frames - 1).with("size", 1).with("start", 0));
            filters.add(Filter.of("settb").with("expr", fps.denominator() + "/" + fps.numerator()));
            filters.add(Filter.of("setpts").positional("N+" + Filter.ticks(from)));
        } else {
            input = graph.input(new FilterGraph.Input(file, trim, to - from + READ_MARGIN_SECONDS)) + ":v";
            filters.add(Filter.of("setpts").positional("PTS-STARTPTS+" + Filter.ticks(from)));
            filters.add(Filter.of("fps").with("fps", fps.numerator() + "/" + fps.denominator()));
            // a matte shorter than its clip holds its last frame
            filters.add(Filter.of("tpad").with("stop_mode", "clone").with("stop", -1));
            filters.add(Filter.of("scale").with("w", width).with("h", height));
            filters.addAll(KEEP);
        }
        filters.add(Filter.of("trim").with("end", to));
        String label = graph.label("keep");
        graph.chain(List.of(input), filters, label);
        return label;
    }
}
