package dev.reelforge.core.asset;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Assets in a map, with the port's conditional, forward-only rules; can run something right after a begin. */
public final class InMemoryAssets implements Assets {

    private record Key(String owner, UUID id) {}

    private final Map<Key, Asset> assets = new LinkedHashMap<>();
    private final Set<Key> removalDue = new HashSet<>();
    int renderQueries;
    Runnable afterBegin = () -> {};

    @Override
    public boolean begin(Asset importing) {
        boolean created = assets.putIfAbsent(new Key(importing.owner(), importing.id()), importing) == null;
        afterBegin.run();
        return created;
    }

    @Override
    public Optional<Asset> find(String owner, UUID id) {
        return Optional.ofNullable(assets.get(new Key(owner, id)));
    }

    @Override
    public List<Asset> findForRender(String owner, UUID renderId) {
        renderQueries++;
        return assets.values().stream()
                .filter(asset -> asset.owner().equals(owner) && asset.renderId().equals(renderId))
                .sorted(Comparator.comparing(Asset::filename))
                .toList();
    }

    @Override
    public boolean markReady(String owner, UUID id, String url, Optional<Long> size, Instant now) {
        return move(owner, id, AssetStatus.READY, Optional.of(url), Optional.empty(), size, now);
    }

    @Override
    public boolean markFailed(String owner, UUID id, String error, Instant now) {
        return move(owner, id, AssetStatus.FAILED, Optional.empty(), Optional.of(error), Optional.empty(), now);
    }

    @Override
    public boolean markDeleted(String owner, UUID id, Instant now) {
        boolean deleted = move(owner, id, AssetStatus.DELETED, Optional.empty(), Optional.empty(), Optional.empty(),
                now);
        if (deleted) {
            removalDue.add(new Key(owner, id));
        }
        return deleted;
    }

    @Override
    public boolean markFileRemoved(String owner, UUID id) {
        return removalDue.remove(new Key(owner, id));
    }

    /** Whether the asset's hosted file is due for removal. */
    boolean removalDue(String owner, UUID id) {
        return removalDue.contains(new Key(owner, id));
    }

    @Override
    public List<AssetKey> removalDueSince(Instant cutoff, int limit) {
        return removalDue.stream()
                .map(key -> assets.get(key))
                .filter(asset -> asset.updated().isBefore(cutoff))
                .limit(limit)
                .map(asset -> new AssetKey(asset.owner(), asset.id()))
                .toList();
    }

    @Override
    public List<AssetKey> importingSince(Instant cutoff, int limit) {
        return assets.values().stream()
                .filter(asset -> asset.status() == AssetStatus.IMPORTING && asset.updated().isBefore(cutoff))
                .limit(limit)
                .map(asset -> new AssetKey(asset.owner(), asset.id()))
                .toList();
    }

    private boolean move(String owner, UUID id, AssetStatus next, Optional<String> url, Optional<String> error,
            Optional<Long> size, Instant now) {
        Asset asset = assets.get(new Key(owner, id));
        if (asset == null || !asset.status().canMoveTo(next)) {
            return false;
        }
        assets.put(new Key(owner, id), new Asset(asset.id(), owner, asset.environment(), asset.region(),
                asset.renderId(), asset.filename(), url.or(asset::url), next, asset.created(), now,
                error.or(asset::error), size.or(asset::size)));
        return true;
    }
}
