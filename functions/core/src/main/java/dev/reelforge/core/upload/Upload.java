package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * An owner's photo or music in one environment. Its file lives at {@link #key()} in the hosting bucket, served by the
 * CDN at {@link #url(URI)}, once {@link UploadStatus#READY}.
 *
 * @param id       time-ordered ({@link dev.reelforge.core.project.ProjectId}'s shape), so listings are newest first
 * @param bytes    the file's size: declared for a presigned upload until checked, measured otherwise
 * @param seconds  a music file's length, once checked
 * @param error    why the check failed, fit to show the owner
 */
public record Upload(String owner, Environment environment, String id, UploadFormat format, UploadStatus status,
        Instant created, OptionalLong bytes, OptionalDouble seconds, Optional<String> error) {

    /**
     * How long an upload may stay {@code pending}: its presigned URL lives {@link RequestUpload#LIFETIME}, and a PUT
     * begun just before that ends may take a while; an upload whose file has not been checked by then never will be.
     */
    public static final Duration PENDING_AT_MOST = RequestUpload.LIFETIME.plus(Duration.ofHours(1));

    public Upload {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(error, "error");
    }

    public UploadKind kind() {
        return format.kind();
    }

    /** The file's key in the hosting bucket: {@code {owner}/uploads/{id}.{ext}}. */
    public String key() {
        return keyOf(owner, id, format);
    }

    public static String keyOf(String owner, String id, UploadFormat format) {
        return owner + "/uploads/" + id + "." + format.extension();
    }

    /** Where the CDN serves the file. */
    public URI url(URI cdnUrl) {
        String base = cdnUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + key());
    }

    public Upload ready(long measuredBytes, OptionalDouble measuredSeconds) {
        return new Upload(owner, environment, id, format, UploadStatus.READY, created, OptionalLong.of(measuredBytes),
                measuredSeconds, Optional.empty());
    }

    /**
     * This upload as it stands at {@code now}: one still pending past {@link #PENDING_AT_MOST} is failed, its file never
     * having arrived (or never been checked), so no upload stays pending for ever.
     */
    public Upload asOf(Instant now) {
        return status == UploadStatus.PENDING && now.isAfter(created.plus(PENDING_AT_MOST))
                ? failed("the file did not arrive within " + PENDING_AT_MOST.toMinutes() + " minutes of the upload's request")
                : this;
    }

    public Upload failed(String reason) {
        return new Upload(owner, environment, id, format, UploadStatus.FAILED, created, bytes, OptionalDouble.empty(),
                Optional.of(reason));
    }
}
