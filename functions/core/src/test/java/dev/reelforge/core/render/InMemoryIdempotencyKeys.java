package dev.reelforge.core.render;

import dev.reelforge.core.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Key records in a map, each written with its render in one step under a lock, as DynamoDB's transaction does. */
final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record Scope(String owner, Environment environment, IdempotencyKey key) {}

    private final Map<Scope, IdempotencyRecord> records = new HashMap<>();
    /** Every render written, in order. */
    final List<Render> renders = new ArrayList<>();

    @Override
    public synchronized Optional<IdempotencyRecord> find(String owner, Environment environment, IdempotencyKey key) {
        return Optional.ofNullable(records.get(new Scope(owner, environment, key)));
    }

    @Override
    public synchronized Optional<IdempotencyRecord> addUnlessTaken(Render render, IdempotencyRecord record,
            Instant now) {
        Scope scope = new Scope(render.owner(), render.environment(), record.key());
        IdempotencyRecord existing = records.get(scope);
        if (existing != null && existing.isLiveAt(now)) {
            return Optional.of(existing);
        }
        records.put(scope, record);
        renders.add(render);
        return Optional.empty();
    }
}
