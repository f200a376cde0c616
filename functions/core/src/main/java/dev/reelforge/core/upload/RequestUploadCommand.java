package dev.reelforge.core.upload;

import dev.reelforge.core.Environment;
import java.util.Objects;

/** A file of {@code bytes} bytes of {@code format} the owner will PUT to a presigned URL. */
public record RequestUploadCommand(String owner, Environment environment, UploadFormat format, long bytes) {

    public RequestUploadCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(format, "format");
    }
}
