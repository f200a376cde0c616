package dev.reelforge.core.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The sources' files: uploads waiting to be imported, and the stored files (sources and renditions) in the owner's
 * part of the hosting bucket, served by the CDN.
 */
public interface SourceFiles {

    /** A URL the owner can PUT the source's file to until it expires ({@code lifetime}). */
    PresignedPut presignUpload(String owner, UUID sourceId, Duration lifetime);

    /** Copies the uploaded file of the source to {@code target}, unless it is missing or larger than {@code maxBytes}. */
    UploadedFile fetchUpload(String owner, UUID sourceId, Path target, long maxBytes);

    /** Stores {@code file} as the owner's hosted {@code filename}, served with {@code mediaType}. */
    void host(Path file, String owner, String filename, String mediaType);

    /** Where the encoder reads or writes the owner's hosted file {@code name} ({@code s3://bucket/owner/name}). */
    String location(String owner, String name);

    /** Where the CDN serves the owner's hosted file. */
    String url(String owner, String filename);

    /** @param url the address to PUT the file's bytes to, as they are, with no further header needed */
    record PresignedPut(URI url, Instant expires) {

        public PresignedPut {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(expires, "expires");
        }
    }

    sealed interface UploadedFile {

        record Fetched(long bytes) implements UploadedFile {}

        record Missing() implements UploadedFile {}

        record TooLarge(long bytes) implements UploadedFile {}
    }
}
