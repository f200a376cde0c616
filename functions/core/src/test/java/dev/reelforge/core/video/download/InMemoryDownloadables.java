package dev.reelforge.core.video.download;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Downloadables in a map, with the port's conditional rules (the same conditions {@code DynamoDbDownloadables}
 * writes); can run something just before a request is stored, to stage a race.
 */
final class InMemoryDownloadables implements Downloadables {

    private final Map<DownloadableKey, Downloadable> records = new LinkedHashMap<>();
    Runnable beforeRequest = () -> {};

    @Override
    public Optional<Downloadable> find(DownloadableKey key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public List<Downloadable> findForVideo(String owner, UUID videoId) {
        return records.values().stream()
                .filter(record -> record.owner().equals(owner) && record.videoId().equals(videoId))
                .toList();
    }

    @Override
    public boolean request(Downloadable pending, Optional<Downloadable> previous) {
        Runnable race = beforeRequest;
        beforeRequest = () -> {};
        race.run();
        Downloadable current = records.get(pending.key());
        boolean unchanged = previous.isEmpty() ? current == null : current != null
                && current.generation() == previous.get().generation() && current.status() == previous.get().status();
        if (unchanged) {
            records.put(pending.key(), pending);
        }
        return unchanged;
    }

    @Override
    public boolean markAvailable(DownloadableKey key, long generation, String downloadUrl, Instant availableAt,
            Instant expiresAt) {
        return move(key, generation, DownloadableStatus.PENDING, current -> new Downloadable(key,
                current.environment(), DownloadableStatus.AVAILABLE, generation, current.requested(),
                Optional.of(availableAt), Optional.of(expiresAt), Optional.of(downloadUrl), Optional.empty(),
                availableAt));
    }

    @Override
    public boolean markFailed(DownloadableKey key, long generation, String error, Instant now) {
        return move(key, generation, DownloadableStatus.PENDING, current -> new Downloadable(key,
                current.environment(), DownloadableStatus.FAILED, generation, current.requested(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(error), now));
    }

    @Override
    public boolean markRemoved(DownloadableKey key, long generation, Instant now) {
        Downloadable current = records.get(key);
        if (current == null || current.generation() != generation || current.status() == DownloadableStatus.REMOVED) {
            return false;
        }
        records.put(key, new Downloadable(key, current.environment(), DownloadableStatus.REMOVED, generation,
                current.requested(), current.availableAt(), current.expiresAt(), Optional.empty(), current.error(), now));
        return true;
    }

    @Override
    public List<DownloadableKey> pendingSince(Instant cutoff, int limit) {
        return records.values().stream()
                .filter(record -> record.status() == DownloadableStatus.PENDING && record.requested().isBefore(cutoff))
                .map(Downloadable::key)
                .limit(limit)
                .toList();
    }

    void put(Downloadable downloadable) {
        records.put(downloadable.key(), downloadable);
    }

    private boolean move(DownloadableKey key, long generation, DownloadableStatus from,
            java.util.function.UnaryOperator<Downloadable> next) {
        Downloadable current = records.get(key);
        if (current == null || current.generation() != generation || current.status() != from) {
            return false;
        }
        records.put(key, next.apply(current));
        return true;
    }
}
