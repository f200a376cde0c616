package dev.reelforge.media;

import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.pipeline.Composer;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.pipeline.CompositionStoppedException;
import dev.reelforge.core.pipeline.StopCheck;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.VisualLayer;
import dev.reelforge.core.plan.WatermarkPlacement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Composes a {@link RenderPlan} with one ffmpeg command: every source an input, one {@code -filter_complex}
 * graph, one output.
 *
 * <h2>Picture</h2>
 * A {@code frame}-sized canvas of the plan's background (opaque) at the plan's frame rate, exactly
 * {@code duration} seconds long (to the frame). Layers are drawn bottom first, each only during its timing:
 * <ul>
 * <li>A picture plays its source from {@code trim} at {@code speed} (its first frame is source time
 * {@code trim}); a still image stays. The box's transform crop (fractions of the source) is cut off first;
 * it is scaled to the box's {@code scaledWidth x scaledHeight}, cut to the box's crop and drawn at the box's
 * (x, y), partly outside the frame if need be. A picture's own transparency is kept. After its look, the
 * transform's flips mirror it and its angle turns it clockwise about its centre onto a frame holding every
 * corner (clear outside the picture), drawn with the same centre.</li>
 * <li>Its look: {@code opacity} scales its alpha. Every transition but {@code reveal} and {@code carousel*}
 * fades over its seconds (alpha 0 to 1 in, 1 to 0 out); besides, {@code wipeLeft}/{@code wipeRight} reveal
 * (and, out, hide) the picture with a vertical edge running right to left / left to right across the part of
 * it inside the frame; {@code reveal} does the same without fading, in as {@code wipeRight}, out as
 * {@code wipeLeft}; {@code slide*} moves it 10% of the frame in the named direction (arriving from the
 * opposite side, leaving towards it); {@code carousel*} moves it likewise by the whole frame, without fading;
 * {@code zoom} zooms it from 1.3x to 1x in, 1x to 1.3x out. Motion effects last the whole layer:
 * {@code zoomIn} 1 to 1.3x, {@code zoomOut} 1.3 to 1x, {@code slide*} pans the picture across 10% of its
 * box in the named direction (shown 1.1x so the pan never reveals an edge); slow effects go half as far,
 * fast ones twice. Zooms and pans happen inside the box (centred on it): the layer keeps its place and
 * size. Colour filters: blur (box blur of 2% of the picture), boost (contrast 1.25, saturation 1.6), contrast
 * (1.5), darken (luma x0.7), greyscale (no chroma, so r = g = b), lighten (luma 30% nearer white), muted
 * (contrast 0.8, saturation 0.5), negative.</li>
 * <li>A paused video (speed 0) is a still of its frame at {@code trim}. A picture's chroma key clears its
 * colour (before its colour filter) and its luma mattes clear it where they are white, during their time,
 * before it is mirrored or turned: see {@link LumaMatteFilters}.</li>
 * <li>Text is drawn with the Liberation face's TTF at {@code sizePx}, in its colour and alpha, lines
 * {@code lineHeight x sizePx} apart, wrapped and placed as {@link TextLayout} says, over its background.
 * Fades, slides and carousels apply as to pictures; a wipe, reveal or zoom of text is drawn as a fade. Text that
 * is transformed, tweened or matted is drawn on a transparent picture of its box, which takes them as a picture
 * does (its luma mattes stretched to the box).</li>
 * <li>Rich text is drawn by {@link RichTextPainter} into transparent PNGs of its canvas size ({@link RichTextFrames}:
 * one per output frame while its animation runs, then one still) and shown as a still picture in its box, so
 * scale, position, offset, transitions, effects, filters, tweens, transforms and luma mattes apply as to an image.</li>
 * <li>Captions: each cue's lines and box while the cue lasts, as {@link CaptionLayerFilters} says; with a
 * transition, effect or filter, drawn on a clear picture of the frame that takes them as an image does.</li>
 * </ul>
 *
 * <h2>Sound</h2>
 * The plan's sounds mixed as {@link SoundMix} says: each at its volume, speed and fades, placed at its
 * start, summed without normalisation, 48 kHz stereo, exactly {@code duration} long.
 *
 * <h2>Output</h2>
 * <ul>
 * <li>Video (MP4, GIF): an intermediate for MediaConvert to encode: H.264 yuv420p, frame size and rate
 * of the plan, x264 {@code ultrafast} (the cheapest practical encoder) at CRF 20, which leaves nothing
 * visible for MediaConvert's second encode to amplify at half the bytes of CRF 16 to write, upload and read
 * back (docs/PERFORMANCE.md, render pipeline), in QuickTime with PCM s16le 48 kHz stereo sound when the plan writes audio (uncompressed sound costs
 * nothing to encode or decode, and is small beside the picture) and no audio track otherwise.</li>
 * <li>Audio (MP3): an intermediate WAV, PCM s16le 48 kHz stereo; silence when there are no sounds.</li>
 * <li>Image (JPG, PNG, BMP): the final image of the frame shown at {@code stillAt}, scaled to the output
 * size. Only that frame is composed (every source is read from where that frame needs it), in 4:4:4 so
 * coloured edges stay sharp; PNG and BMP keep that, JPG is 4:2:0 as viewers expect, its quantiser following
 * the output quality (2 for veryhigh to 16 for verylow).</li>
 * </ul>
 *
 * <p>ffmpeg runs with a time limit, after which it is killed; on failure the end of what it said is in the
 * {@link CompositionFailedException}. It is also killed when the {@link StopCheck} says stop (it is asked about once
 * a second), and the composition ends with a {@link CompositionStoppedException}.
 */
public final class FfmpegComposer implements Composer {

    private static final int STDERR_LIMIT_BYTES = 64 * 1024;
    /** Enough of the graph in a failure message to see which part was wrong. */
    private static final int GRAPH_IN_MESSAGE = 4000;
    private static final int CRF = 20;

    private final Path ffmpeg;
    private final LiberationFonts fonts;
    private final Duration timeout;
    private final Optional<WatermarkImage> watermark;

    /** Draws the watermark where {@link WatermarkPlacement} puts it on a frame of {@code size}. */
    private String watermark(FilterGraph graph, String picture, Size size) {
        WatermarkImage image = watermark.orElseThrow(() ->
                new CompositionFailedException("a sandbox image must be watermarked, and no watermark is configured"));
        WatermarkPlacement placement = WatermarkPlacement.on(size, image.size());
        String mark = graph.then(graph.input(FilterGraph.Input.whole(image.file())) + ":v", List.of(
                Filter.of("scale").with("w", placement.width()).with("h", placement.height()),
                Filter.of("format").positional("rgba"),
                Filter.of("colorchannelmixer").with("aa", WatermarkPlacement.OPACITY_PERCENT / 100.0)), "mark");
        String marked = graph.label("marked");
        graph.chain(List.of(picture, mark), List.of(Filter.of("overlay").with("x", placement.x())
                .with("y", placement.y())), marked);
        return marked;
    }

    /**
     * @param ffmpeg  the ffmpeg executable
     * @param fonts   the faces text is drawn with
     * @param timeout how long one composition may take before ffmpeg is killed
     */
    public FfmpegComposer(Path ffmpeg, LiberationFonts fonts, Duration timeout) {
        this(ffmpeg, fonts, timeout, Optional.empty());
    }

    /**
     * @param watermark what a sandbox image output is marked with (video outputs are marked by the encoder)
     */
    public FfmpegComposer(Path ffmpeg, LiberationFonts fonts, Duration timeout, Optional<WatermarkImage> watermark) {
        this.ffmpeg = ffmpeg;
        this.fonts = fonts;
        this.timeout = timeout;
        this.watermark = watermark;
    }

    @Override
    public Composition compose(RenderPlan plan, Map<Integer, Path> sources, Path directory, StopCheck stop) {
        requireSources(plan, sources);
        Path work = workDirectory(directory);
        try {
            return compose(plan, sources, directory, work, stop);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void requireSources(RenderPlan plan, Map<Integer, Path> sources) {
        for (var source : plan.sources()) {
            if (!sources.containsKey(source.index())) {
                throw new CompositionFailedException("no local file for source " + source.index() + " (" + source.src()
                        + ")");
            }
        }
    }

    private static Path workDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            // Absolute: ffmpeg runs in it, and the graph names the files it writes there (text, the script itself).
            return Files.createTempDirectory(directory.toAbsolutePath(), "compose-");
        } catch (IOException e) {
            throw new CompositionFailedException("cannot create a work directory in " + directory, e);
        }
    }

    /** What one output kind adds to the graph and the command. */
    private record Output(List<String> arguments, String extension, String contentType) {}

    private Composition compose(RenderPlan plan, Map<Integer, Path> sources, Path directory, Path work,
            StopCheck stop) {
        FilterGraph graph = new FilterGraph();
        Output output = switch (plan.output().format().kind()) {
            case VIDEO -> plan.output().writtenByComposer() ? onceGif(graph, plan, sources, work)
                    : video(graph, plan, sources, work);
            case AUDIO -> audio(graph, plan, sources);
            case IMAGE -> image(graph, plan, sources, work);
        };
        Path file = directory.resolve("composition." + output.extension());
        run(graph, output, file, work, stop);
        if (!Files.isRegularFile(file)) {
            throw new CompositionFailedException("ffmpeg succeeded but wrote no " + file);
        }
        return new Composition(file, output.contentType());
    }

    @Override
    public MediaInfo streamed(RenderPlan plan) {
        requireStreamable(plan);
        return new MediaInfo(OptionalDouble.of(plan.duration()),
                Optional.of(new MediaInfo.VideoStream(plan.frame().width(), plan.frame().height(), plan.fps().value(),
                        "rawvideo")),
                plan.writesAudio() ? Optional.of(new MediaInfo.AudioStream(SoundMix.SAMPLE_RATE, 2, "pcm_s16le"))
                        : Optional.empty(),
                0);
    }

    /**
     * The intermediate of {@link #compose} for a pipe: raw yuv420p pictures and PCM sound in NUT, which streams
     * without seeking. Raw pictures cost nothing to encode or decode; their size does not matter in a pipe.
     */
    @Override
    public void stream(RenderPlan plan, Map<Integer, Path> sources, Path directory, Path pipe, StopCheck stop) {
        requireStreamable(plan);
        requireSources(plan, sources);
        Path work = workDirectory(directory);
        try {
            FilterGraph graph = new FilterGraph();
            VideoLabels labels = videoLabels(graph, plan, sources, work);
            List<String> arguments = new ArrayList<>(List.of("-map", "[" + labels.picture() + "]",
                    "-c:v", "rawvideo", "-pix_fmt", "yuv420p"));
            labels.sound().ifPresent(sound -> arguments.addAll(List.of("-map", "[" + sound + "]", "-c:a", "pcm_s16le",
                    "-ar", Integer.toString(SoundMix.SAMPLE_RATE), "-ac", "2")));
            arguments.addAll(List.of("-f", "nut"));
            run(graph, new Output(arguments, "nut", "video/x-nut"), pipe, work, stop);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void requireStreamable(RenderPlan plan) {
        if (plan.output().format().kind() != OutputFormat.Kind.VIDEO || plan.output().writtenByComposer()) {
            throw new IllegalArgumentException("only a video for the encoder streams; a " + plan.output().format()
                    + (plan.output().writtenByComposer() ? " written by the composer" : "") + " does not");
        }
    }

    /** Runs ffmpeg on the graph into {@code file}; a half-written file is removed when it fails or is stopped. */
    private void run(FilterGraph graph, Output output, Path file, Path work, StopCheck stop) {
        Path script = work.resolve("graph.txt");
        try {
            Files.writeString(script, graph.script(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CompositionFailedException("cannot write the filtergraph to " + script, e);
        }
        List<String> command = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        command.addAll(graph.inputArguments());
        command.addAll(List.of("-filter_complex_script", script.toString()));
        command.addAll(output.arguments());
        command.add("file:" + file.toAbsolutePath());

        FfmpegProcess.Outcome outcome = new FfmpegProcess(ffmpeg, timeout, STDERR_LIMIT_BYTES).run(command, work, stop);
        if (outcome.stopped()) {
            deleteWritten(file);
            throw new CompositionStoppedException("ffmpeg was ended on request before it finished");
        }
        if (!outcome.succeeded()) {
            deleteWritten(file);
            String graphText = graph.script();
            throw new CompositionFailedException((outcome.timedOut()
                    ? "ffmpeg did not finish within " + Filter.number(timeout.toMillis() / 1000.0) + " s and was killed"
                    : "ffmpeg failed with exit code " + outcome.exitCode())
                    + "\ncommand: ffmpeg " + String.join(" ", command)
                    + "\ngraph: " + (graphText.length() > GRAPH_IN_MESSAGE
                            ? graphText.substring(0, GRAPH_IN_MESSAGE) + "…" : graphText)
                    + "\nffmpeg said: " + outcome.stderr().strip());
        }
    }

    private Output video(FilterGraph graph, RenderPlan plan, Map<Integer, Path> sources, Path work) {
        VideoLabels labels = videoLabels(graph, plan, sources, work);
        List<String> arguments = new ArrayList<>(List.of("-map", "[" + labels.picture() + "]", "-c:v", "libx264",
                "-preset", "ultrafast", "-crf", Integer.toString(CRF), "-pix_fmt", "yuv420p"));
        labels.sound().ifPresent(sound -> arguments.addAll(List.of("-map", "[" + sound + "]", "-c:a", "pcm_s16le",
                "-ar", Integer.toString(SoundMix.SAMPLE_RATE), "-ac", "2")));
        return new Output(arguments, "mov", "video/quicktime");
    }

    /**
     * A GIF that plays once ({@code repeat: false}), written here because MediaConvert's GIFs always loop: at the
     * output size, watermarked as the encoder would, on a palette made from its own frames, with no loop count
     * (the NETSCAPE2.0 extension is left out, so players show it once).
     */
    private Output onceGif(FilterGraph graph, RenderPlan plan, Map<Integer, Path> sources, Path work) {
        String picture = picture(graph, plan, sources, 0, plan.duration(), ChromaSampling.YUV444, work);
        Size size = plan.output().size();
        if (!size.equals(plan.frame())) {
            picture = graph.then(picture, List.of(Filter.of("scale").with("w", size.width())
                    .with("h", size.height())), "sized");
        }
        if (plan.output().watermarked()) {
            picture = watermark(graph, picture, size);
        }
        String frames = graph.label("frames");
        String sample = graph.label("sample");
        graph.chain(List.of(picture), List.of(Filter.of("split").positional("2")), frames + "][" + sample);
        String palette = graph.then(sample, List.of(Filter.of("palettegen").with("stats_mode", "diff")), "palette");
        String gif = graph.label("gif");
        graph.chain(List.of(frames, palette), List.of(Filter.of("paletteuse")), gif);
        return new Output(List.of("-map", "[" + gif + "]", "-loop", "-1", "-f", "gif"), "gif", "image/gif");
    }

    /** Where a video plan's composed picture and sound come out of the graph. */
    private record VideoLabels(String picture, Optional<String> sound) {}

    private VideoLabels videoLabels(FilterGraph graph, RenderPlan plan, Map<Integer, Path> sources, Path work) {
        String picture = picture(graph, plan, sources, 0, plan.duration(), ChromaSampling.YUV420, work);
        return new VideoLabels(picture, plan.writesAudio()
                ? Optional.of(SoundMix.add(graph, plan.sounds(), sources, plan.duration())) : Optional.empty());
    }

    /**
     * The composition of a video plan as {@link #compose} runs it, without its output: ffmpeg's input arguments, the
     * filter graph's script, and the labels of the composed picture and sound in it. The benchmarks' baselines
     * build on it to make the same composition in one process straight into final files.
     *
     * @param work where files the graph reads are written (text to draw, for one); it must outlive the ffmpeg run
     */
    public VideoGraph videoGraph(RenderPlan plan, Map<Integer, Path> sources, Path work) {
        FilterGraph graph = new FilterGraph();
        VideoLabels labels = videoLabels(graph, plan, sources, work);
        return new VideoGraph(graph.inputArguments(), graph.script(), labels.picture(), labels.sound());
    }

    /** See {@link #videoGraph}. */
    public record VideoGraph(List<String> inputArguments, String script, String picture, Optional<String> sound) {}

    private static Output audio(FilterGraph graph, RenderPlan plan, Map<Integer, Path> sources) {
        String sound = SoundMix.add(graph, plan.sounds(), sources, plan.duration());
        return new Output(List.of("-map", "[" + sound + "]", "-c:a", "pcm_s16le",
                "-ar", Integer.toString(SoundMix.SAMPLE_RATE), "-ac", "2"), "wav", "audio/wav");
    }

    private Output image(FilterGraph graph, RenderPlan plan, Map<Integer, Path> sources, Path work) {
        double frameSeconds = 1 / plan.fps().value();
        // The frame shown at stillAt is the one that started at or before it.
        double still = Math.floor(plan.stillAt() / frameSeconds + 1e-6) * frameSeconds;
        String picture = picture(graph, plan, sources, still, still + frameSeconds, ChromaSampling.YUV444, work);
        Size size = plan.output().size();
        if (!size.equals(plan.frame())) {
            picture = graph.then(picture, List.of(Filter.of("scale").with("w", size.width())
                    .with("h", size.height())), "sized");
        }
        if (plan.output().watermarked()) {
            picture = watermark(graph, picture, size);
        }
        List<String> arguments = new ArrayList<>(List.of("-map", "[" + picture + "]", "-frames:v", "1",
                "-update", "1"));
        OutputFormat format = plan.output().format();
        switch (format) {
            case JPG -> arguments.addAll(List.of("-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-q:v", jpegQuality(plan)));
            case PNG -> arguments.addAll(List.of("-c:v", "png", "-pix_fmt", "rgb24"));
            case BMP -> arguments.addAll(List.of("-c:v", "bmp", "-pix_fmt", "bgr24"));
            default -> throw new IllegalArgumentException(format + " is not an image format");
        }
        String contentType = switch (format) {
            case JPG -> "image/jpeg";
            case PNG -> "image/png";
            default -> "image/bmp";
        };
        return new Output(arguments, format.extension(), contentType);
    }

    /**
     * The picture of the output time {@code [from, to)}: the background with every layer drawn on it;
     * returns its label.
     */
    private String picture(FilterGraph graph, RenderPlan plan, Map<Integer, Path> sources, double from, double to,
            ChromaSampling sampling, Path work) {
        Size frame = plan.frame();
        PictureLayerFilters pictures = new PictureLayerFilters(graph, frame, plan.fps(), sampling);
        Base under = Base.of(plan, pictures, from, to);
        List<Filter> base = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        if (under.layers() == 0) {
            base.addAll(canvas(plan, sampling, to - from));
        } else {
            // The pictures that fill the frame from the bottom, one after the other, with the canvas only between
            // them: each frame is written once, not blended over a canvas.
            for (Base.Piece piece : under.pieces()) {
                segments.add(switch (piece) {
                    case Base.Piece.Picture shown -> pictures.edgeToEdge(shown.layer(),
                            sources.get(shown.layer().source().index()), plan.background(), from, to);
                    case Base.Piece.Canvas gap -> {
                        String canvas = graph.label("canvas");
                        graph.chain(List.of(), canvas(plan, sampling, gap.seconds()), canvas);
                        yield canvas;
                    }
                });
            }
            base.add(Filter.of("concat").with("n", segments.size()).with("v", 1).with("a", 0));
        }
        if (from > 0) {
            base.add(Filter.of("setpts").positional("PTS+" + Filter.ticks(from)));
        }
        String composite = graph.label("main");
        graph.chain(segments, base, composite);

        WorkFiles files = new WorkFiles(work);
        TextLayerFilters texts = new TextLayerFilters(graph, frame, plan.fps(), sampling, fonts, files);
        CaptionLayerFilters captions = new CaptionLayerFilters(graph, frame, plan.fps(), sampling, fonts, files);
        for (VisualLayer layer : plan.layers().subList(under.layers(), plan.layers().size())) {
            switch (layer) {
                case VisualLayer.Picture picture -> composite = overlaid(graph, composite, sampling,
                        pictures.add(picture, sources.get(picture.source().index()), sources, from, to));
                case VisualLayer.Text text -> composite = texts.add(composite, text, sources, from, to);
                case VisualLayer.RichText rich -> {
                    var frames = RichTextFrames.write(rich, plan.fps(), fonts, work, graph.label("richtext"), from,
                            to);
                    composite = overlaid(graph, composite, sampling, frames.flatMap(written -> pictures.add(
                            new VisualLayer.Picture(rich.timing(), rich.look(), null, 0, 1, true, rich.box())
                                    .withMattes(rich.mattes()),
                            written.file(), written.count(), sources, from, to)));
                }
                case VisualLayer.Caption caption -> composite = captions.add(composite, caption, from, to);
            }
        }
        return composite;
    }

    /** The plan's background, {@code seconds} long from time 0. */
    private static List<Filter> canvas(RenderPlan plan, ChromaSampling sampling, double seconds) {
        return List.of(Filter.of("color").with("c", "0x" + plan.background().rgbHex())
                        .with("s", plan.frame().width() + "x" + plan.frame().height())
                        .with("r", plan.fps().numerator() + "/" + plan.fps().denominator())
                        .with("d", seconds),
                Filter.of("format").with("pix_fmts", sampling.opaque()));
    }

    /**
     * What the layers are drawn on over {@code [from, to)}, in time order: the run of bottom layers that each
     * {@link PictureLayerFilters#fillsFrameOpaquely fill the frame opaquely} while they show, one after another
     * without overlapping, each starting and ending on a frame (so joining them keeps every frame in its place), and
     * the canvas where none of them shows. {@code layers} counts the bottom layers it stands for (those of the run not
     * shown then included); 0 when there is no such run: then the base is the canvas alone.
     */
    private record Base(List<Piece> pieces, int layers) {

        sealed interface Piece {
            record Picture(VisualLayer.Picture layer) implements Piece {}

            record Canvas(double seconds) implements Piece {}
        }

        static Base of(RenderPlan plan, PictureLayerFilters pictures, double from, double to) {
            List<Piece> pieces = new ArrayList<>();
            double covered = from;
            int layers = 0;
            int shown = 0;
            for (VisualLayer layer : plan.layers()) {
                if (!(layer instanceof VisualLayer.Picture picture) || !pictures.fillsFrameOpaquely(picture)) {
                    break;
                }
                double start = Math.max(picture.timing().start(), from);
                double end = Math.min(picture.timing().end(), to);
                if (end - start > 1e-9) {
                    if (start < covered - 1e-9 || !onFrame(start, plan) || !onFrame(end, plan)) {
                        break;
                    }
                    if (start > covered + 1e-9) {
                        pieces.add(new Piece.Canvas(start - covered));
                    }
                    pieces.add(new Piece.Picture(picture));
                    covered = end;
                    shown++;
                }
                layers++;
            }
            if (shown == 0) {
                return new Base(List.of(), 0);
            }
            if (covered < to - 1e-9) {
                pieces.add(new Piece.Canvas(to - covered));
            }
            return new Base(pieces, layers);
        }
    }

    private static boolean onFrame(double seconds, RenderPlan plan) {
        double frames = seconds * plan.fps().value();
        return Math.abs(frames - Math.rint(frames)) < 1e-6;
    }

    /** The composite with the layer overlaid on it, when the layer shows in this part of the output. */
    private static String overlaid(FilterGraph graph, String composite, ChromaSampling sampling,
            Optional<PictureLayerFilters.Overlay> overlay) {
        if (overlay.isEmpty()) {
            return composite;
        }
        String next = graph.label("main");
        graph.chain(List.of(composite, overlay.get().label()), List.of(overlay.get().filter(sampling)), next);
        return next;
    }

    /** ffmpeg's JPEG quantiser (2 best, 31 worst) for the output quality. */
    private static String jpegQuality(RenderPlan plan) {
        return switch (plan.output().quality()) {
            case VERYLOW -> "16";
            case LOW -> "10";
            case MEDIUM -> "5";
            case HIGH -> "3";
            case VERYHIGH -> "2";
        };
    }

    /** Best effort: a work directory left behind must not turn a composition into a failure. */
    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(FfmpegComposer::deleteQuietly);
        } catch (IOException | UncheckedIOException ignored) {
            // Left for the caller's directory clean-up.
        }
    }

    /** A half-written file, not a pipe: that belongs to its reader. */
    private static void deleteWritten(Path file) {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            deleteQuietly(file);
        }
    }

    /** A half-written output or a leftover is removed if possible, and left to the caller's clean-up if not. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left for the caller's directory clean-up.
        }
    }
}
