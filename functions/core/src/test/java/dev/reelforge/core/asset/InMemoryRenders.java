package dev.reelforge.core.asset;

import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.render.Renders;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Renders in a map; only what the asset use cases read (add, find, outputs), counting the lookups. */
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordProgress(RenderKey render, int percent, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean complete(RenderKey render, RenderResult result, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean fail(RenderKey render, String error, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<RenderKey> unfinishedSince(Instant cutoff, int limit) {
        throw new UnsupportedOperationException();
    }
}
