package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Uploads} in memory, for the core's unit tests (DynamoDbUploads runs on DynamoDB Local in UploadsIT). */
final class InMemoryUploads implements Uploads {

    final Map<String, Upload> items = new ConcurrentHashMap<>();

    private static String key(String owner, Environment environment, UploadKind kind, String id) {
        return owner + "#" + environment + "#" + kind + "#" + id;
    }

    @Override
    public void add(Upload upload) {
        if (items.putIfAbsent(key(upload.owner(), upload.environment(), upload.kind(), upload.id()), upload) != null) {
            throw new IllegalStateException("exists");
        }
    }

    @Override
    public Optional<Upload> find(String owner, Environment environment, UploadKind kind, String id) {
        return Optional.ofNullable(items.get(key(owner, environment, kind, id)));
    }

    @Override
    public Optional<Upload> findAnywhere(String owner, UploadKind kind, String id) {
        return List.of(Environment.values()).stream().flatMap(environment -> find(owner, environment, kind, id).stream())
                .findFirst();
    }

    @Override
    public List<Upload> list(String owner, Environment environment, UploadKind kind, Optional<String> before,
            int limit) {
        return items.values().stream()
                .filter(upload -> upload.owner().equals(owner) && upload.environment() == environment
                        && upload.kind() == kind && before.map(id -> upload.id().compareTo(id) < 0).orElse(true))
                .sorted(Comparator.comparing(Upload::id).reversed()).limit(limit).toList();
    }

    @Override
    public boolean settle(Upload checked) {
        String key = key(checked.owner(), checked.environment(), checked.kind(), checked.id());
        Upload current = items.get(key);
        return current != null && current.status() == UploadStatus.PENDING && items.replace(key, current, checked);
    }

    @Override
    public boolean remove(String owner, Environment environment, UploadKind kind, String id) {
        return items.remove(key(owner, environment, kind, id)) != null;
    }
}
