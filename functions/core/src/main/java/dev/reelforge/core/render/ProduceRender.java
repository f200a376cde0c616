package dev.reelforge.core.render;

import dev.reelforge.core.edit.model.OutputFormat;
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
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.ChunkBoundaries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a queued render to the point where only encoding is left: claims it, fetches and probes its
 * sources ({@code fetching}), plans and composes it ({@code rendering}), then either finishes an image
 * output itself or uploads the composed intermediate and starts the encoding job (where the platform lets the job
 * read a video's composition as it is written, {@link IntermediatePipes}, the job starts first and the two
 * overlap). A video long enough for the platform to compose in chunks ({@link Chunking}) is ordered in chunks
 * instead, each composed by an invocation of its own ({@link ComposeChunk}). Any failure of the user's making (a source that cannot be fetched or read, an edit that cannot be
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

    /**
     * Whether and how a long video is composed in chunks by invocations of their own, ordered on {@code queue}: in
     * chunks of at most about {@code chunkSeconds}, where {@link ChunkBoundaries} finds cuts.
     */
    public record Chunking(double chunkSeconds, ChunkQueue queue) {

        /** Every render composed whole by the invocation that claims it. */
        public static final Chunking NONE = new Chunking(Double.POSITIVE_INFINITY, order -> {
            throw new IllegalStateException("this platform composes every render whole");
        });

        public Chunking {
            if (!(chunkSeconds > 0)) {
                throw new IllegalArgumentException("chunks last a positive number of seconds, not " + chunkSeconds);
            }
        }
    }

    private final Renders renders;
    private final Composer composer;
    private final Storage storage;
    private final TemporaryUrls temporaryUrls;
    private final Encoder encoder;
    private final Clock clock;
    private final Path workRoot;
    private final IntermediatePipes pipes;
    private final Chunking chunking;
    private final RenderPreparation preparation;
    private final EncodingStart encoding;

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
        this(renders, fetcher, drawer, probe, composer, storage, temporaryUrls, encoder, clock, workRoot, limits,
                fontsAndPages, pipes, Chunking.NONE);
    }

    /** @param chunking whether a long video is composed in chunks by invocations of their own */
    public ProduceRender(Renders renders, SourceFetcher fetcher, PictureDrawer drawer, MediaProbe probe,
            Composer composer, Storage storage, TemporaryUrls temporaryUrls, Encoder encoder, Clock clock, Path workRoot,
            Limits limits, FontsAndPages fontsAndPages, IntermediatePipes pipes, Chunking chunking) {
        this.renders = renders;
        this.composer = composer;
        this.storage = storage;
        this.temporaryUrls = temporaryUrls;
        this.encoder = encoder;
        this.clock = clock;
        this.workRoot = workRoot;
        this.pipes = pipes;
        this.chunking = chunking;
        this.preparation = new RenderPreparation(renders, fetcher, drawer, probe, clock, limits, fontsAndPages);
        this.encoding = new EncodingStart(renders, encoder, storage, clock);
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
        Path work = WorkDirectories.create(workRoot, "render-" + key.id() + "-");
        try {
            return produce(found.get(), key, work);
        } catch (CompositionStoppedException e) {
            return stopped(key);
        } catch (CompositionFailedException e) {
            return failed(key, "rendering failed while composing the edit", e);
        } finally {
            WorkDirectories.delete(work);
        }
    }

    private ProduceRenderResult produce(Render render, RenderKey key, Path work) {
        RenderPlan plan;
        Map<Integer, Path> sourceFiles;
        switch (preparation.prepare(render, key, work)) {
            case RenderPreparation.Preparation.Unrenderable unrenderable -> {
                return failed(key, unrenderable.error(), null);
            }
            case RenderPreparation.Preparation.Ended ended -> {
                return stopped(key);
            }
            case RenderPreparation.Preparation.Ready ready -> {
                plan = ready.plan();
                sourceFiles = ready.sourceFiles();
            }
        }
        String base = "renders/" + key.owner() + "/" + key.id();
        OutputFormat format = plan.output().format();
        if (readOnce(plan, render)) {
            List<ChunkBoundaries.Chunk> chunks = ChunkBoundaries.of(plan, chunking.chunkSeconds());
            if (chunks.size() > 1) {
                return ordered(key, chunks);
            }
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
        return encoding.start(key, request).<ProduceRenderResult>map(ProduceRenderResult.Encoding::new)
                .orElseGet(() -> stopped(key));
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
        if (!encoding.recordOutputs(key, request)) {
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
     * Orders the render's chunks, each composed by an invocation of its own ({@link ComposeChunk}); the one that
     * composes the last records what the job writes and starts the job joining them.
     */
    private ProduceRenderResult ordered(RenderKey key, List<ChunkBoundaries.Chunk> chunks) {
        if (!renders.recordChunks(key, chunks.size(), clock.instant())) {
            return stopped(key);
        }
        for (int i = 0; i < chunks.size(); i++) {
            chunking.queue().submit(new ChunkOrder(key, i, chunks.size(), chunks.get(i).from(), chunks.get(i).to()));
        }
        return new ProduceRenderResult.Chunked(chunks.size());
    }

    /** Whether the render has finished (been cancelled, or failed by the sweeper) since this work began. */
    private boolean finished(RenderKey key) {
        return preparation.finished(key);
    }

    private ProduceRenderResult stopped(RenderKey key) {
        return new ProduceRenderResult.Stopped("render " + key.id() + " ended (" + preparation.howEnded(key)
                + ") while it was being produced, so its work was given up");
    }

    private ProduceRenderResult failed(RenderKey key, String error, Throwable cause) {
        renders.fail(key, error, clock.instant());
        return new ProduceRenderResult.Failed(error, Optional.ofNullable(cause));
    }
}
