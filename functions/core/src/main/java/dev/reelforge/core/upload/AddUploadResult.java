package dev.reelforge.core.upload;

/** What adding a photo or music came to. */
public sealed interface AddUploadResult {

    /** Checked and stored: ready. */
    record Added(Upload upload) implements AddUploadResult {}

    /** The file is not what the route takes ({@code reason} fit to show the owner). */
    record Refused(String reason) implements AddUploadResult {}

    /** The file is not the format the owner declared. */
    record NotAsDeclared(UploadFormat declared) implements AddUploadResult {}

    /** The URL could not or may not be fetched ({@code reason} fit to show the owner). */
    record NotFetched(String reason) implements AddUploadResult {}
}
