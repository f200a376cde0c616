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
import dev.reelforge.core.pipeline.PictureDrawer;
import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.plan.Planning;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.RenderPlanner;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.validation.Violation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * What every invocation that composes a render, whole or a chunk of it, does first: merges and reads its edit,
 * fetches (or draws) and probes its sources ({@code fetching}), loads its fonts, draws its HTML, reads its subtitle
 * files, moves it to {@code rendering}, and plans it. Sources are fetched and probed a few at once. The render is read
 * again before each source that waited for another to be read, and before each later stage; one that finished
 * meanwhile (its owner cancelled it) ends the preparation.
 */
final class RenderPreparation {

    /** How a preparation ended. */
    sealed interface Preparation {

        /** The render's plan, and the local file of each of its sources, by their index. */
        record Ready(RenderPlan plan, Map<Integer, Path> sourceFiles) implements Preparation {}

        /** The render cannot be rendered, for a reason of its owner's making, which names the clip. */
        record Unrenderable(String error) implements Preparation {}

        /** The render finished (was cancelled) meanwhile. */
        record Ended() implements Preparation {}
    }

    /** Sources fetched and probed at once: enough to overlap their waits, few enough for the invocation's disk. */
    static final int PARALLEL_SOURCES = 4;

    private final Renders renders;
    private final SourceFetcher fetcher;
    private final PictureDrawer drawer;
    private final MediaProbe probe;
    private final Clock clock;
    private final ProduceRender.Limits limits;
    private final FontsAndPages fontsAndPages;
    private final EditReader reader = new EditReader();
    private final RenderPlanner planner = new RenderPlanner();

    RenderPreparation(Renders renders, SourceFetcher fetcher, PictureDrawer drawer, MediaProbe probe, Clock clock,
            ProduceRender.Limits limits, FontsAndPages fontsAndPages) {
        this.renders = renders;
        this.fetcher = fetcher;
        this.drawer = drawer;
        this.probe = probe;
        this.clock = clock;
        this.limits = limits;
        this.fontsAndPages = fontsAndPages;
    }

    /** @param render the render as its caller has just read it, not finished */
    Preparation prepare(Render render, RenderKey key, Path work) {
        JsonNode merged;
        switch (MergeFields.merge(render.edit())) {
            case MergeFields.Merging.Merged ok -> merged = ok.edit();
            // Only a render stored before submit bounded merging gets here; it fails instead of filling the heap.
            case MergeFields.Merging.TooLarge tooLarge -> {
                return new Preparation.Unrenderable("merge " + tooLarge.problem());
            }
        }
        EditReading reading = reader.read(merged);
        if (reading instanceof EditReading.Unsupported unsupported) {
            return new Preparation.Unrenderable("the edit cannot be rendered: " + unsupported.violations().stream()
                    .map(Violation::message).collect(Collectors.joining("; ")));
        }
        Edit edit = ((EditReading.Renderable) reading).edit();

        Map<URI, Asset.Drawn> drawn = drawnPicturesOf(edit);
        Map<URI, Path> files = new HashMap<>();
        Map<URI, MediaInfo> probes = new HashMap<>();
        List<Map.Entry<URI, String>> sources = List.copyOf(sourcesOf(edit).entrySet());
        Edit sourcesEdit = edit;
        List<Future<SourceReading>> readings = new ArrayList<>();
        // each source fetched and probed on its own thread, a few at once; the first to fail in the edit's order
        // names the render's error, as when they were read one after the other
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_SOURCES,
                sources.size())))) {
            for (int i = 0; i < sources.size(); i++) {
                Map.Entry<URI, String> source = sources.get(i);
                Path target = work.resolve("source-" + i);
                // the first few start at once, just after the caller read the render unfinished: reading it again
                // for each would cost a read per source and tell nothing new
                boolean waitsItsTurn = i >= PARALLEL_SOURCES;
                readings.add(pool.submit(() -> read(key, sourcesEdit, drawn, source.getKey(), source.getValue(), target,
                        waitsItsTurn)));
            }
            for (int i = 0; i < sources.size(); i++) {
                switch (outcomeOf(readings.get(i))) {
                    case SourceReading.Ended ended -> {
                        pool.shutdownNow();
                        return new Preparation.Ended();
                    }
                    case SourceReading.Refused refused -> {
                        pool.shutdownNow();
                        return new Preparation.Unrenderable(refused.error());
                    }
                    case SourceReading.Read read -> {
                        files.put(sources.get(i).getKey(), read.file());
                        probes.put(sources.get(i).getKey(), read.info());
                    }
                }
            }
        }
        switch (fontsAndPages.prepare(edit, work)) {
            case FontsAndPages.Preparation.Failed failed -> {
                return new Preparation.Unrenderable(failed.reason());
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
                return new Preparation.Ended();
            }
            switch (fetcher.fetch(source.getKey(), work.resolve("captions-" + captions.size()), SubtitleParser.MAX_BYTES)) {
                case SourceFetcher.FetchResult.Refused refused -> {
                    return new Preparation.Unrenderable(source.getValue() + " could not be fetched: " + refused.reason());
                }
                case SourceFetcher.FetchResult.Fetched fetched -> {
                    switch (SubtitleFile.read(fetched.file())) {
                        case SubtitleParsing.Malformed malformed -> {
                            return new Preparation.Unrenderable(source.getValue() + " is not a subtitle file that can be read: line "
                                    + malformed.line() + ": " + malformed.problem());
                        }
                        case SubtitleParsing.Parsed parsed -> captions.put(source.getKey(), parsed.cues());
                    }
                }
            }
        }
        renders.advance(key, RenderStatus.RENDERING, clock.instant());
        if (finished(key)) {
            return new Preparation.Ended();
        }

        RenderPlan plan;
        switch (planner.plan(edit, probes, captions)) {
            case Planning.Unplannable unplannable -> {
                return new Preparation.Unrenderable(unplannable.reason());
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
            return new Preparation.Unrenderable(String.format(Locale.ROOT, "the render would be %.0f s long, over the %d s limit",
                    plan.duration(), limits.maxOutputLength().toSeconds()));
        }
        Map<Integer, Path> sourceFiles = new HashMap<>();
        for (SourceFile source : plan.sources()) {
            sourceFiles.put(source.index(), files.get(source.src()));
        }
        return new Preparation.Ready(plan, sourceFiles);
    }

    /** How one source was read: its file and what the probe found, or why the render cannot use it. */
    private sealed interface SourceReading {

        record Read(Path file, MediaInfo info) implements SourceReading {}

        record Refused(String error) implements SourceReading {}

        record Ended() implements SourceReading {}
    }

    /**
     * Fetches (or draws) one source and probes it; {@code where} is the path of the first place that uses it. A source
     * that waited its turn first reads the render again, which may have finished meanwhile.
     */
    private SourceReading read(RenderKey key, Edit edit, Map<URI, Asset.Drawn> drawn, URI src, String where,
            Path target, boolean waitedItsTurn) {
        if (waitedItsTurn && finished(key)) {
            return new SourceReading.Ended();
        }
        SourceFetcher.FetchResult fetchResult = drawn.containsKey(src)
                ? drawer.draw(drawn.get(src), edit.output().size(), target)
                : fetcher.fetch(src, target);
        Path file;
        switch (fetchResult) {
            case SourceFetcher.FetchResult.Refused refused -> {
                return new SourceReading.Refused(where + (drawn.containsKey(src) ? " could not be drawn: "
                        : " could not be fetched: ") + refused.reason());
            }
            case SourceFetcher.FetchResult.Fetched fetched -> file = fetched.file();
        }
        return switch (probe.probe(file)) {
            case MediaProbe.ProbeResult.Unreadable unreadable ->
                    new SourceReading.Refused(where + " cannot be rendered: " + unreadable.reason());
            case MediaProbe.ProbeResult.Probed probed -> {
                double seconds = probed.info().duration().orElse(0);
                yield seconds > limits.maxSourceLength().toSeconds()
                        ? new SourceReading.Refused(String.format(Locale.ROOT,
                                "%s is %.0f s long, over the %d s limit for a source", where, seconds,
                                limits.maxSourceLength().toSeconds()))
                        : new SourceReading.Read(file, probed.info());
            }
        };
    }

    /** A reading's outcome; what it threw (an outage, not the user's mistake) is thrown here as it was. */
    private static SourceReading outcomeOf(Future<SourceReading> reading) {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException outage) {
                throw outage;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading a source failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the sources", e);
        }
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

    /** How the render ended, for the logs of work given up: its error (cancelled, ...), else "finished". */
    String howEnded(RenderKey key) {
        return renders.find(key.owner(), key.id()).flatMap(Render::error).orElse("finished");
    }

    /** Whether the render has finished (been cancelled, or failed by the sweeper) since this work began. */
    boolean finished(RenderKey key) {
        return renders.find(key.owner(), key.id()).map(render -> render.status().isTerminal()).orElse(true);
    }
}
