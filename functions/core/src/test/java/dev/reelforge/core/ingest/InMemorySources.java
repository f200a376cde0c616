package dev.reelforge.core.ingest;

import dev.reelforge.core.Environment;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sources in memory, replaced only when still as read, as DynamoDbSources does. */
final class InMemorySources implements Sources {

    private final Map<UUID, Source> sources = new LinkedHashMap<>();

    @Override
    public void add(Source source) {
        if (sources.putIfAbsent(source.id(), source) != null) {
            throw new IllegalStateException("source " + source.id() + " exists");
        }
    }

    @Override
    public Optional<Source> find(String owner, UUID id) {
        return Optional.ofNullable(sources.get(id)).filter(source -> source.owner().equals(owner));
    }

    @Override
    public List<Source> list(String owner, Environment environment, int limit) {
        return sources.values().stream()
                .filter(source -> source.owner().equals(owner) && source.environment() == environment)
                .sorted(Comparator.comparing(Source::created).reversed()).limit(limit).toList();
    }

    @Override
    public boolean replace(Source previous, Source next) {
        Source stored = sources.get(previous.id());
        if (stored == null || stored.status() != previous.status() || !stored.updated().equals(previous.updated())) {
            return false;
        }
        sources.put(next.id(), next);
        return true;
    }

    Source get(UUID id) {
        return sources.get(id);
    }
}
