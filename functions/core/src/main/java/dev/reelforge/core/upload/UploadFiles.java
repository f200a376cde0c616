package dev.reelforge.core.upload;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The uploads' files, in the hosting bucket under {@code {owner}/uploads/} (public through the CDN). */
public interface UploadFiles {

    void store(Path file, Upload upload);

    /** Copies the file a presigned upload wrote to {@code target}; false when there is none (yet, or any more). */
    boolean fetch(Upload upload, Path target);

    /** Removes the file at {@code key} ({@link Upload#key()}); removing one that is not there is fine. */
    void remove(String key);

    /** A URL the owner can PUT exactly {@code bytes} bytes of the upload's format to, for {@code lifetime}. */
    PresignedUpload presign(Upload upload, long bytes, Duration lifetime);

    /**
     * @param headers what the PUT must carry, exactly (they are signed)
     */
    record PresignedUpload(URI url, Map<String, String> headers, Instant expires) {

        public PresignedUpload {
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(expires, "expires");
        }
    }
}
