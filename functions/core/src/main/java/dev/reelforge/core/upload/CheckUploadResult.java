package dev.reelforge.core.upload;

/** What checking a written upload came to. */
public sealed interface CheckUploadResult {

    record Ready(Upload upload) implements CheckUploadResult {}

    /** Refused: the item failed with {@code reason}, the file removed. */
    record Failed(Upload upload, String reason) implements CheckUploadResult {}

    /** The file belongs to no pending or ready upload (deleted, failed, or none): removed unchecked. */
    record Removed(String reason) implements CheckUploadResult {}

    /** Nothing to do: the upload is checked already, or the file is gone. */
    record Skipped(String reason) implements CheckUploadResult {}
}
