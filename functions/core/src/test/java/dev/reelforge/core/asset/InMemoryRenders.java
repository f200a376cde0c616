package dev.reelforge.core.asset;

import dev.reelforge.core.Environment;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderPage;
import dev.reelforge.core.render.RenderPosition;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.render.Renders;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renders in a map; only what the asset use cases and the recording of a finished job use (add, find, outputs,
 * complete, fail), counting the lookups.
 */
public final class InMemoryRenders implements Renders {

    private final Map<RenderKey, Render> renders = new HashMap<>();
    private final Map<RenderKey, RenderOutputs> outputs = new HashMap<>();
    int lookups;

    @Override
    public void add(Render render) {
        renders.put(new RenderKey(render.owner(), render.id()), render);
    }

    @Override
    public Optional<Render> find(String owner, UUID id) {
        lookups++;
        return Optional.ofNullable(renders.get(new RenderKey(owner, id)));
    }

    @Override
    public RenderPage list(String owner, Environment environment,
            Optional<RenderStatus> status, Optional<RenderPosition> after, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean claim(RenderKey render, String delivery, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean advance(RenderKey render, RenderStatus next, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean recordJob(RenderKey render, String jobId, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean recordStreamingJob(RenderKey render, String jobId, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordInputComposed(RenderKey render, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean recordChunks(RenderKey render, int chunks, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public dev.reelforge.core.render.ChunkTally recordChunkComposed(RenderKey render, int chunk, String delivery,
            Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean recordOutputs(RenderKey render, RenderOutputs recorded, Instant now) {
        outputs.put(render, recorded);
        return true;
    }

    @Override
    public Optional<RenderOutputs> outputsOf(RenderKey render) {
        return Optional.ofNullable(outputs.get(render));
    }

    @Override
    public Optional<String> jobOf(RenderKey render) {
        return Optional.empty();
    }

    @Override
    public void recordProgress(RenderKey render, int percent, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean complete(RenderKey render, RenderResult result, Instant now) {
        return finish(render, RenderStatus.DONE, Optional.empty(), Optional.of(result), now);
    }

    @Override
    public boolean fail(RenderKey render, String error, Instant now) {
        return finish(render, RenderStatus.FAILED, Optional.of(error), Optional.empty(), now);
    }

    private boolean finish(RenderKey key, RenderStatus status, Optional<String> error, Optional<RenderResult> result,
            Instant now) {
        Render render = renders.get(key);
        if (render == null || render.status().isTerminal()) {
            return false;
        }
        renders.put(key, new Render(render.id(), render.owner(), render.environment(), status, render.edit(),
                render.created(), now, error, result, render.renditions(), render.project(), render.template()));
        return true;
    }

    @Override
    public List<RenderKey> unfinishedSince(Instant cutoff, int limit) {
        throw new UnsupportedOperationException();
    }
}
