package dev.reelforge.core.video;

import java.util.UUID;

public sealed interface DeleteVideoResult {

    /** The video's asset is deleted, as the Serve API deletes one; the video left its channel's listing. */
    record Deleted(UUID id) implements DeleteVideoResult {}

    /** The video is another owner's; nothing changed. */
    record NotYours(UUID id) implements DeleteVideoResult {}

    /** No such video of the caller's (unknown, other environment, or deleted already). */
    record NotFound(UUID id) implements DeleteVideoResult {}
}
