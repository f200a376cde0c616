package dev.reelforge.core.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Uploads and hosted files in memory, in a bucket named {@code hosting} behind {@code https://cdn.test}. */
final class InMemorySourceFiles implements SourceFiles {

    final Map<UUID, byte[]> uploads = new HashMap<>();
    final Map<String, byte[]> hosted = new HashMap<>();

    @Override
    public PresignedPut presignUpload(String owner, UUID sourceId, Duration lifetime) {
        return new PresignedPut(URI.create("https://uploads.test/" + owner + "/" + sourceId),
                Instant.parse("2026-12-06T11:00:00Z"));
    }

    @Override
    public UploadedFile fetchUpload(String owner, UUID sourceId, Path target, long maxBytes) {
        byte[] bytes = uploads.get(sourceId);
        if (bytes == null) {
            return new UploadedFile.Missing();
        }
        if (bytes.length > maxBytes) {
            return new UploadedFile.TooLarge(bytes.length);
        }
        write(target, bytes);
        return new UploadedFile.Fetched(bytes.length);
    }

    @Override
    public void host(Path file, String owner, String filename, String mediaType) {
        try {
            hosted.put(owner + "/" + filename, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String location(String owner, String name) {
        return "s3://hosting/" + owner + "/" + name;
    }

    @Override
    public String url(String owner, String filename) {
        return "https://cdn.test/" + owner + "/" + filename;
    }

    static void write(Path target, byte[] bytes) {
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
