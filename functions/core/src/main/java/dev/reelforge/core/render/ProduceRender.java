package dev.reelforge.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.caption.SubtitleFile;
import dev.reelforge.core.caption.SubtitleParser;
import dev.reelforge.core.caption.SubtitleParsing;
import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Clip;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Track;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.pipeline.Composer;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.pipeline.CompositionStoppedException;
import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.pipeline.IntermediatePipes;
import dev.reelforge.core.pipeline.PictureDrawer;
import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.pipeline.Storage;
import dev.reelforge.core.pipeline.TemporaryUrls;
import dev.reelforge.core.plan.Planning;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.RenderPlanner;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Takes a queued render to the point where only encoding is left: claims it, fetches and probes its
 * sources ({@code fetching}), plans and composes it ({@code rendering}), then either finishes an image
 * output itself or uploads the composed intermediate and starts the encoding job (where the platform lets the job
 * read a video's composition as it is written, {@link IntermediatePipes}, the job starts first and the two
 * overlap). Any failure of the user's making (a source that cannot be fetched or read, an edit that cannot be
 * planned) fails the render with an error that names the clip and the reason.
 *
 * <p>A render that finishes meanwhile (its owner cancels it) is given up: the render is read again before each
 * source and each stage and about once a second while ffmpeg composes (which is then ended), and every write that
 * would carry it further is conditional on it being unfinished. An image written just before the render finished
 * is deleted again, and an encoding job started just before is cancelled, since whoever cancels the render may have
 * looked for the job before it was recorded.
 */
public final class ProduceRender {

    /** Caps on what one render may take on. */
    public record Limits(Duration maxSourceLength, Duration maxOutputLength) {}

    private final Renders renders;
    private final SourceFetcher fetcher;
    private final PictureDrawer drawer;
    private final MediaProbe probe;
    private final Composer composer;
    private final Storage storage;
    private final TemporaryUrls temporaryUrls;
    private final Encoder encoder;
    private final Clock clock;
    private final Path workRoot;
    private final Limits limits;
    private final FontsAndPages fontsAndPages;
    private final IntermediatePipes pipes;
    private final EditReader reader = new EditReader();
    private final RenderPlanner planner = new RenderPlanner();

    /** Without a drawer: an edit with a drawn picture (shape, svg) fails naming the clip. */
    public ProduceRender(Renders renders, SourceFetcher fetcher, MediaProbe probe, Composer composer, Storage storage,
            TemporaryUrls temporaryUrls, Encoder encoder, Clock clock, Path workRoot, Limits limits) {
        this(renders, fetcher, PictureDrawer.NONE, probe, composer, storage, temporaryUrls, encoder, clock, workRoot,
                limits);
    }

    public ProduceRender(Renders renders, SourceFetcher fetcher, PictureDrawer drawer, MediaProbe probe,
            Composer composer, Storage storage, TemporaryUrls temporaryUrls, Encoder encoder, Clock clock, Path workRoot,
            Limits limits) {
        this(renders, fetcher, drawer, probe, composer, storage, temporaryUrls, encoder, clock, workRoot, limits,
                FontsAndPages.UNAVAILABLE);
    }

    /** @param fontsAndPages loads the edit's own fonts and draws its HTML assets */
    public ProduceRender(Renders renders, SourceFetcher fetcher, PictureDrawer drawer, MediaProbe probe,
            Composer composer, Storage storage, TemporaryUrls temporaryUrls, Encoder encoder, Clock clock, Path workRoot,
            Limits limits, FontsAndPages fontsAndPages) {
        this(renders, fetcher, drawer, probe, composer, storage, temporaryUrls, encoder, clock, workRoot, limits,
                fontsAndPages, IntermediatePipes.NONE);
    }

    /** @param pipes where the platform lets the encoder read a video's composition as it is written, if anywhere */
    public ProduceRender(Renders renders, SourceFetcher fetcher, PictureDrawer drawer, MediaProbe probe,
            Composer composer, Storage storage, TemporaryUrls temporaryUrls, Encoder encoder, Clock clock, Path workRoot,
            Limits limits, FontsAndPages fontsAndPages, IntermediatePipes pipes) {
        this.fontsAndPages = fontsAndPages;
        this.pipes = pipes;
        this.renders = renders;
        this.fetcher = fetcher;
        this.drawer = drawer;
        this.probe = probe;
        this.composer = composer;
        this.storage = storage;
        this.temporaryUrls = temporaryUrls;
        this.encoder = encoder;
        this.clock = clock;
        this.workRoot = workRoot;
        this.limits = limits;
    }

    public ProduceRenderResult produce(ProduceRenderCommand command) {
        RenderKey key = command.render();
        if (!renders.claim(key, command.delivery(), clock.instant())) {
            return new ProduceRenderResult.Skipped("render " + key.id() + " is not queued for this delivery");
        }
        Optional<Render> found = renders.find(key.owner(), key.id());
        if (found.isEmpty()) {
            return new ProduceRenderResult.Skipped("render " + key.id() + " no longer exists");
        }
        Path work = workDirectory(key);
        try {
            return produce(found.get(), key, work);
        } catch (CompositionStoppedException e) {
            return stopped(key);
        } catch (CompositionFailedException e) {
            return failed(key, "rendering failed while composing the edit", e);
        } finally {
            deleteRecursively(work);
        }
    }

    private ProduceRenderResult produce(Render render, RenderKey key, Path work) {
        JsonNode merged;
        switch (MergeFields.merge(render.edit())) {
            case MergeFields.Merging.Merged ok -> merged = ok.edit();
            // Only a render stored before submit bounded merging gets here; it fails instead of filling the heap.
            case MergeFields.Merging.TooLarge tooLarge -> {
                return failed(key, "merge " + tooLarge.problem(), null);
            }
        }
        EditReading reading = reader.read(merged);
        if (reading instanceof EditReading.Unsupported unsupported) {
            return failed(key, "the edit cannot be rendered: " + unsupported.violations().stream()
                    .map(Violation::message).collect(Collectors.joining("; ")), null);
        }
        Edit edit = ((EditReading.Renderable) reading).edit();

        Map<URI, Asset.Drawn> drawn = drawnPicturesOf(edit);
        Map<URI, Path> files = new HashMap<>();
        Map<URI, MediaInfo> probes = new HashMap<>();
        int index = 0;
        for (Map.Entry<URI, String> source : sourcesOf(edit).entrySet()) {
            if (finished(key)) {
                return stopped(key);
            }
            URI src = source.getKey();
            String where = source.getValue();
            Path target = work.resolve("source-" + index++);
            SourceFetcher.FetchResult fetchResult = drawn.containsKey(src) ? drawer.draw(drawn.get(src), edit.output().size(), target)
                    : fetcher.fetch(src, target);
            switch (fetchResult) {
                case SourceFetcher.FetchResult.Refused refused -> {
                    return failed(key, where + (drawn.containsKey(src) ? " could not be drawn: "
                            : " could not be fetched: ") + refused.reason(), null);
                }
                case SourceFetcher.FetchResult.Fetched fetched -> files.put(src, fetched.file());
            }
            switch (probe.probe(files.get(src))) {
                case MediaProbe.ProbeResult.Unreadable unreadable -> {
                    return failed(key, where + " cannot be rendered: " + unreadable.reason(), null);
                }
                case MediaProbe.ProbeResult.Probed probed -> {
                    double seconds = probed.info().duration().orElse(0);
                    if (seconds > limits.maxSourceLength().toSeconds()) {
                        return failed(key, String.format(Locale.ROOT, "%s is %.0f s long, over the %d s limit for a source",
                                where, seconds, limits.maxSourceLength().toSeconds()), null);
                    }
                    probes.put(src, probed.info());
                }
            }
        }
        switch (fontsAndPages.prepare(edit, work)) {
            case FontsAndPages.Preparation.Failed failed -> {
                return failed(key, failed.reason(), null);
            }
            case FontsAndPages.Preparation.Ready ready -> {
                edit = ready.edit();
                files.putAll(ready.files());
                probes.putAll(ready.probes());
            }
        }
        Map<URI, List<Cue>> captions = new HashMap<>();
        for (Map.Entry<URI, String> source : captionSourcesOf(edit).entrySet()) {
            if (finished(key)) {
                return stopped(key);
            }
            switch (fetcher.fetch(source.getKey(), work.resolve("captions-" + captions.size()), SubtitleParser.MAX_BYTES)) {
                case SourceFetcher.FetchResult.Refused refused -> {
                    return failed(key, source.getValue() + " could not be fetched: " + refused.reason(), null);
                }
                case SourceFetcher.FetchResult.Fetched fetched -> {
                    switch (SubtitleFile.read(fetched.file())) {
                        case SubtitleParsing.Malformed malformed -> {
                            return failed(key, source.getValue() + " is not a subtitle file that can be read: line "
                                    + malformed.line() + ": " + malformed.problem(), null);
                        }
                        case SubtitleParsing.Parsed parsed -> captions.put(source.getKey(), parsed.cues());
                    }
                }
            }
        }
        renders.advance(key, RenderStatus.RENDERING, clock.instant());
        if (finished(key)) {
            return stopped(key);
        }

        RenderPlan plan;
        switch (planner.plan(edit, probes, captions)) {
            case Planning.Unplannable unplannable -> {
                return failed(key, unplannable.reason(), null);
            }
            case Planning.Planned planned -> plan = render.environment() == Environment.STAGE
                    ? planned.plan().watermarked() : planned.plan();
        }
        if (!render.renditions().isEmpty() && plan.output().format() != OutputFormat.MP4) {
            // a face asks for renditions of videos only; reaching here is its bug, not the user's mistake
            throw new IllegalStateException("render " + key.id() + " asks for renditions of a "
                    + plan.output().format() + " output; renditions are sizes of an MP4 video");
        }
        if (plan.duration() > limits.maxOutputLength().toSeconds()) {
            return failed(key, String.format(Locale.ROOT, "the render would be %.0f s long, over the %d s limit",
                    plan.duration(), limits.maxOutputLength().toSeconds()), null);
        }
        Map<Integer, Path> sourceFiles = new HashMap<>();
        for (SourceFile source : plan.sources()) {
            sourceFiles.put(source.index(), files.get(source.src()));
        }
        String base = "renders/" + key.owner() + "/" + key.id();
        OutputFormat format = plan.output().format();
        if (readOnce(plan, render)) {
            String location = storage.location("work/" + key.owner() + "/" + key.id() + "/composition.nut");
            Optional<Path> pipe = pipes.open(location, composer.streamed(plan));
            if (pipe.isPresent()) {
                Encoder.EncodeRequest request = new Encoder.EncodeRequest(key.id(), key.owner(), render.environment(),
                        location, storage.location(base), plan.output(), true, plan.writesAudio(), plan.duration());
                return streamed(key, plan, sourceFiles, work, pipe.get(), request);
            }
        }
        Composer.Composition composition = composer.compose(plan, sourceFiles, work, () -> finished(key));
        if (finished(key)) {
            return stopped(key);
        }

        if (plan.output().writtenByComposer()) {
            String outputKey = base + "." + format.extension();
            if (!renders.recordOutputs(key, new RenderOutputs(outputKey, Optional.empty(), Optional.empty(),
                    plan.output().hosted()), clock.instant())) {
                return stopped(key);
            }
            storage.put(outputKey, composition.file(), composition.contentType());
            String url = temporaryUrls.urlOf(outputKey);
            double renderTime = Duration.between(render.created(), clock.instant()).toMillis();
            renders.advance(key, RenderStatus.SAVING, clock.instant());
            if (!renders.complete(key, new RenderResult(url, Optional.empty(), Optional.empty(), 0, renderTime),
                    clock.instant())) {
                storage.delete(outputKey);
                return stopped(key);
            }
            return new ProduceRenderResult.Completed(url);
        }
        String intermediate = storage.put("work/" + key.owner() + "/" + key.id() + "/"
                + composition.file().getFileName(), composition.file(), composition.contentType());
        Encoder.EncodeRequest request = new Encoder.EncodeRequest(key.id(), key.owner(), render.environment(),
                intermediate, storage.location(base), plan.output(), format.kind() == OutputFormat.Kind.VIDEO,
                plan.writesAudio(), plan.duration(), render.renditions());
        if (!recordOutputs(key, plan, request)) {
            return stopped(key);
        }
        String jobId = encoder.start(request);
        if (!renders.recordJob(key, jobId, clock.instant())) {
            encoder.cancel(jobId);
            return stopped(key);
        }
        return new ProduceRenderResult.Encoding(jobId);
    }

    /**
     * Whether the encoder reads the composition once only, so that it may read it as it is written: a video with
     * no frame to capture (a poster, a thumbnail, renditions' captures), which would be a second pass over it.
     */
    private static boolean readOnce(RenderPlan plan, Render render) {
        return plan.output().format().kind() == OutputFormat.Kind.VIDEO && !plan.output().writtenByComposer()
                && plan.output().posterAt().isEmpty() && plan.output().thumbnail().isEmpty()
                && render.renditions().isEmpty();
    }

    /**
     * Composes into the pipe the job reads, the job started first so the two overlap. The job is recorded before the
     * composition as one whose input is still being written: if the worker dies meanwhile, the retry of its delivery
     * claims the render again, finds the job and composes into its pipe again (the job waits for it); once the
     * composition is whole, retries stop at the job as they do for a stored one. A composition that fails or is
     * stopped cancels the job, which would otherwise encode what part of it came through.
     */
    private ProduceRenderResult streamed(RenderKey key, RenderPlan plan, Map<Integer, Path> sourceFiles, Path work,
            Path pipe, Encoder.EncodeRequest request) {
        Optional<String> resumed = renders.jobOf(key);
        if (!recordOutputs(key, plan, request)) {
            return stopped(key);
        }
        String jobId = resumed.orElseGet(() -> encoder.start(request));
        if (resumed.isEmpty() && !renders.recordStreamingJob(key, jobId, clock.instant())) {
            encoder.cancel(jobId);
            return stopped(key);
        }
        try {
            composer.stream(plan, sourceFiles, work, pipe, () -> finished(key));
        } catch (CompositionStoppedException e) {
            encoder.cancel(jobId);
            throw e;
        } catch (CompositionFailedException e) {
            encoder.cancel(jobId);
            if (finished(key)) {
                // the render was cancelled, and its job with it: the composition lost its reader
                return stopped(key);
            }
            throw e;
        }
        renders.recordInputComposed(key, clock.instant());
        return new ProduceRenderResult.Encoding(jobId);
    }

    /**
     * Records what the job writes, before it starts, so that each output's creation finds it whatever the order of
     * events.
     */
    private boolean recordOutputs(RenderKey key, RenderPlan plan, Encoder.EncodeRequest request) {
        Encoder.WrittenFiles written = encoder.outputsOf(request);
        List<RenderOutputs.RenditionOutputs> renditions = written.renditions().stream()
                .map(rendition -> new RenderOutputs.RenditionOutputs(rendition.name(), storage.keyOf(rendition.file()),
                        storage.keyOf(rendition.capture())))
                .toList();
        return renders.recordOutputs(key, new RenderOutputs(storage.keyOf(written.file()),
                written.poster().map(storage::keyOf), written.thumbnail().map(storage::keyOf), plan.output().hosted(),
                renditions), clock.instant());
    }

    /** Every distinct source of the edit, with the path of the first place that uses it. */
    private static Map<URI, String> sourcesOf(Edit edit) {
        Map<URI, String> sources = new LinkedHashMap<>();
        List<Track> tracks = edit.timeline().tracks();
        for (int t = 0; t < tracks.size(); t++) {
            List<Clip> clips = tracks.get(t).clips();
            for (int c = 0; c < clips.size(); c++) {
                if (clips.get(c).asset() instanceof Asset.Drawn picture) {
                    sources.putIfAbsent(picture.src(), "timeline.tracks[" + t + "].clips[" + c + "].asset");
                } else if (clips.get(c).asset() instanceof Asset.Sourced sourced) {
                    sources.putIfAbsent(sourced.src(), "timeline.tracks[" + t + "].clips[" + c + "].asset.src");
                }
            }
        }
        edit.timeline().soundtrack().ifPresent(soundtrack ->
                sources.putIfAbsent(soundtrack.src(), "timeline.soundtrack.src"));
        return sources;
    }

    /** The pictures the worker draws, by the name each stands under among the sources. */
    private static Map<URI, Asset.Drawn> drawnPicturesOf(Edit edit) {
        Map<URI, Asset.Drawn> drawn = new HashMap<>();
        edit.timeline().tracks().forEach(track -> track.clips().forEach(clip -> {
            if (clip.asset() instanceof Asset.Drawn picture) {
                drawn.putIfAbsent(picture.src(), picture);
            }
        }));
        return drawn;
    }

    /** Every distinct subtitle file of the edit's caption assets, with the path of the first clip using it. */
    private static Map<URI, String> captionSourcesOf(Edit edit) {
        Map<URI, String> sources = new LinkedHashMap<>();
        List<Track> tracks = edit.timeline().tracks();
        for (int t = 0; t < tracks.size(); t++) {
            List<Clip> clips = tracks.get(t).clips();
            for (int c = 0; c < clips.size(); c++) {
                if (clips.get(c).asset() instanceof Asset.Caption caption) {
                    sources.putIfAbsent(caption.src(), "timeline.tracks[" + t + "].clips[" + c + "].asset.src");
                }
            }
        }
        return sources;
    }

    /** Whether the render has finished (been cancelled, or failed by the sweeper) since this work began. */
    private boolean finished(RenderKey key) {
        return renders.find(key.owner(), key.id()).map(render -> render.status().isTerminal()).orElse(true);
    }

    private ProduceRenderResult stopped(RenderKey key) {
        String how = renders.find(key.owner(), key.id()).flatMap(Render::error).orElse("finished");
        return new ProduceRenderResult.Stopped("render " + key.id() + " ended (" + how
                + ") while it was being produced, so its work was given up");
    }

    private ProduceRenderResult failed(RenderKey key, String error, Throwable cause) {
        renders.fail(key, error, clock.instant());
        return new ProduceRenderResult.Failed(error, Optional.ofNullable(cause));
    }

    private Path workDirectory(RenderKey key) {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, "render-" + key.id() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a work directory under " + workRoot, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
