package dev.reelforge.core.render;

import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.pipeline.Composer;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.pipeline.CompositionStoppedException;
import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.pipeline.PictureDrawer;
import dev.reelforge.core.pipeline.SourceFetcher;
import dev.reelforge.core.pipeline.Storage;
import dev.reelforge.core.plan.RenderPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Composes one chunk of a long video ({@link ProduceRender} ordered it): prepares the render as the invocation that
 * claimed it did (the same edit and sources make the same plan), composes the plan's window of the chunk and stores
 * it. The delivery that finds every chunk composed starts the encoding job, which joins the chunks in their order
 * into the render's outputs.
 *
 * <p>Composing a chunk again (a repeated delivery) writes the same file again and counts once. A render that
 * finishes meanwhile (its owner cancels it) is given up as {@link ProduceRender} gives it up.
 */
public final class ComposeChunk {

    private final Renders renders;
    private final Composer composer;
    private final Storage storage;
    private final Clock clock;
    private final Path workRoot;
    private final RenderPreparation preparation;
    private final EncodingStart encoding;

    public ComposeChunk(Renders renders, SourceFetcher fetcher, PictureDrawer drawer, MediaProbe probe,
            Composer composer, Storage storage, Encoder encoder, Clock clock, Path workRoot,
            ProduceRender.Limits limits, FontsAndPages fontsAndPages) {
        this.renders = renders;
        this.composer = composer;
        this.storage = storage;
        this.clock = clock;
        this.workRoot = workRoot;
        this.preparation = new RenderPreparation(renders, fetcher, drawer, probe, clock, limits, fontsAndPages);
        this.encoding = new EncodingStart(renders, encoder, storage, clock);
    }

    public ComposeChunkResult compose(ComposeChunkCommand command) {
        ChunkOrder order = command.order();
        RenderKey key = order.render();
        Optional<Render> found = renders.find(key.owner(), key.id());
        if (found.isEmpty() || found.get().status().isTerminal()) {
            return stopped(key);
        }
        Path work = WorkDirectories.create(workRoot, "chunk-" + key.id() + "-" + order.chunk() + "-");
        try {
            return compose(found.get(), order, command.delivery(), work);
        } catch (CompositionStoppedException e) {
            return stopped(key);
        } catch (CompositionFailedException e) {
            return failed(key, "rendering failed while composing the edit", e);
        } finally {
            WorkDirectories.delete(work);
        }
    }

    private ComposeChunkResult compose(Render render, ChunkOrder order, String delivery, Path work) {
        RenderKey key = order.render();
        RenderPreparation.Preparation.Ready ready;
        switch (preparation.prepare(render, key, work)) {
            case RenderPreparation.Preparation.Unrenderable unrenderable -> {
                return failed(key, unrenderable.error(), null);
            }
            case RenderPreparation.Preparation.Ended ended -> {
                return stopped(key);
            }
            case RenderPreparation.Preparation.Ready prepared -> ready = prepared;
        }
        RenderPlan plan = ready.plan();
        Composer.Composition composition = composer.compose(plan.window(order.from(), Math.min(order.to(),
                plan.duration())), ready.sourceFiles(), work, () -> preparation.finished(key));
        String extension = extensionOf(composition.file());
        storage.put(chunkKey(key, order.chunk(), order.chunks(), extension), composition.file(),
                composition.contentType());
        return switch (renders.recordChunkComposed(key, order.chunk(), delivery, clock.instant())) {
            case ChunkTally.Finished finished -> stopped(key);
            case ChunkTally.Waiting waiting -> new ComposeChunkResult.Composed(waiting.composed(), waiting.chunks());
            case ChunkTally.AllComposed all -> {
                List<String> inputs = IntStream.range(0, order.chunks())
                        .mapToObj(chunk -> storage.location(chunkKey(key, chunk, order.chunks(), extension)))
                        .toList();
                Encoder.EncodeRequest request = new Encoder.EncodeRequest(key.id(), key.owner(),
                        render.environment(), inputs, storage.location("renders/" + key.owner() + "/" + key.id()),
                        plan.output(), true, plan.writesAudio(), plan.duration(), List.of());
                yield encoding.start(key, request).<ComposeChunkResult>map(ComposeChunkResult.Encoding::new)
                        .orElseGet(() -> stopped(key));
            }
        };
    }

    /** Every chunk of a render is stored under the same name but for its number, as the composer named its file. */
    private static String chunkKey(RenderKey key, int chunk, int chunks, String extension) {
        return "work/" + key.owner() + "/" + key.id() + "/chunk-" + (chunk + 1) + "-of-" + chunks + extension;
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private ComposeChunkResult stopped(RenderKey key) {
        return new ComposeChunkResult.Stopped("render " + key.id() + " ended (" + preparation.howEnded(key)
                + ") while a chunk of it was being composed, so its work was given up");
    }

    private ComposeChunkResult failed(RenderKey key, String error, Throwable cause) {
        renders.fail(key, error, clock.instant());
        return new ComposeChunkResult.Failed(error, Optional.ofNullable(cause));
    }
}
