package dev.reelforge.core.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link UploadFiles} in memory, by key, for the core's unit tests (S3UploadFiles runs on S3Proxy in UploadsIT). */
final class InMemoryUploadFiles implements UploadFiles {

    final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void store(Path file, Upload upload) {
        try {
            files.put(upload.key(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a presigned PUT would have written. */
    void written(Upload upload, byte[] bytes) {
        files.put(upload.key(), bytes);
    }

    @Override
    public boolean fetch(Upload upload, Path target) {
        byte[] bytes = files.get(upload.key());
        if (bytes == null) {
            return false;
        }
        try {
            Files.write(target, bytes);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(String key) {
        files.remove(key);
    }

    @Override
    public PresignedUpload presign(Upload upload, long bytes, Duration lifetime) {
        return new PresignedUpload(URI.create("https://bucket.example/" + upload.key()),
                Map.of("Content-Type", upload.format().mediaType(), "Content-Length", Long.toString(bytes)),
                Instant.parse("2026-12-06T10:15:00Z"));
    }
}
