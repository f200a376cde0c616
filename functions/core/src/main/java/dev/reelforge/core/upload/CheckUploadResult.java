package dev.reelforge.core.upload;

/** What checking a written upload came to. */
public sealed interface CheckUploadResult {

    record Ready(Upload upload) implements CheckUploadResult {}

    /** Refused: the item failed with {@code reason}, the file removed. */
    record Failed(Upload upload, String reason) implements CheckUploadResult {}

    /** Nothing to do: no pending upload has this file (checked already, deleted, or not an upload's). */
    record Skipped(String reason) implements CheckUploadResult {}
}
