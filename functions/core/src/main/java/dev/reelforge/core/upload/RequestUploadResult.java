package dev.reelforge.core.upload;

/** What asking for a presigned upload came to. */
public sealed interface RequestUploadResult {

    /** The pending upload, and where to PUT its file. */
    record Requested(Upload upload, UploadFiles.PresignedUpload target) implements RequestUploadResult {}

    /** The size is out of bounds ({@code reason} names {@code size}). */
    record Refused(String reason) implements RequestUploadResult {}
}
