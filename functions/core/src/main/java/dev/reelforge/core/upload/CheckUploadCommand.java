package dev.reelforge.core.upload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file written under {@code {owner}/uploads/} (an S3 event's key, read), to check into {@code workFile}.
 */
public record CheckUploadCommand(String owner, String id, UploadFormat format, Path workFile) {

    public CheckUploadCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(workFile, "workFile");
    }
}
