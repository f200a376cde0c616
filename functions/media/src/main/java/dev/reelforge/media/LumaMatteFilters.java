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
 * <p><b>Luma mattes.</b> The layer's alpha is multiplied by a "keep" picture: white (keep all) where no matte is
 * shown, and where one is, its luma inverted (Shotstack: white is transparent, black opaque), scaled to the
 * layer's picture. The keep picture is drawn on a clock taken from the layer itself (its own alpha, blanked), so
 * it has exactly the layer's frames: each matte is overlaid on that clock during its time (a video from its trim,
 * resampled to the output rate and holding its last frame if it ends first; a still repeated) and the clock shows
 * through before and after. Luma is read in full range (a video's limited-range white is 255), so black and white
 * mattes keep or clear completely.
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
        split(List.of(picture), List.of(), main, forAlpha);
        String alpha = graph.label("alpha");
        String clock = graph.label("clock");
        // gray before the split, or the clock's yuv420p would pull the alpha into limited range
        split(List.of(forAlpha), List.of(Filter.of("alphaextract"), Filter.of("format").with("pix_fmts", "gray")),
                alpha, clock);
        // black where no matte is shown: inverted below into keep-everything
        String luma = graph.then(clock, List.of(Filter.of("lut").with("c0", "0"),
                Filter.of("format").with("pix_fmts", "yuv420p")), "luma");
        for (Matte matte : shown) {
            String frames = matteFrames(matte, sources.get(matte.source().index()), width, height,
                    Math.max(matte.timing().start(), start), Math.min(matte.timing().end(), end));
            String next = graph.label("luma");
            graph.chain(List.of(luma, frames), List.of(Filter.of("overlay").with("eof_action", "pass")
                    .with("format", "yuv420")), next);
            luma = next;
        }
        String keep = graph.then(luma, List.of(Filter.of("format").with("pix_fmts", "gray"),
                Filter.of("lut").with("c0", "255-val")), "keep");
        String kept = graph.label("alpha");
        graph.chain(List.of(alpha, keep), List.of(Filter.of("blend").with("all_mode", "multiply")), kept);
        String matted = graph.label("matted");
        graph.chain(List.of(main, kept), List.of(Filter.of("alphamerge")), matted);
        return matted;
    }

    /** {@code [in]filters,split[first][second]}: the same frames to two chains. */
    private void split(List<String> in, List<Filter> before, String first, String second) {
        List<Filter> filters = new ArrayList<>(before);
        filters.add(Filter.of("split"));
        graph.chain(in, filters, first + "][" + second);
    }

    /** The matte's frames from {@code from} to {@code to} of the output, sized to the picture. */
    private String matteFrames(Matte matte, Path file, int width, int height, double from, double to) {
        List<Filter> filters = new ArrayList<>();
        String input;
        double trim = matte.trim() + (from - matte.timing().start());
        if (matte.still()) {
            input = graph.input(FilterGraph.Input.whole(file)) + ":v";
            filters.add(Filter.of("trim").with("end_frame", 1));
            filters.add(Filter.of("scale").with("w", width).with("h", height));
            filters.add(Filter.of("format").with("pix_fmts", "yuv420p"));
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
            filters.add(Filter.of("format").with("pix_fmts", "yuv420p"));
        }
        filters.add(Filter.of("trim").with("end", to));
        String label = graph.label("matte");
        graph.chain(List.of(input), filters, label);
        return label;
    }
}
