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

    /** The file's owner, id and format, as its key names them, before a work file is chosen. */
    public record Builder(String owner, String id, UploadFormat format) {

        public CheckUploadCommand workFile(Path workFile) {
            return new CheckUploadCommand(owner, id, format, workFile);
        }
    }
}
