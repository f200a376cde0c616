package dev.reelforge.core.video;

import java.util.UUID;

public sealed interface GetVideoResult {

    record Found(VideoView video) implements GetVideoResult {}

    /** No video with this id is the caller's in this environment (unknown, deleted, expired or another owner's). */
    record NotFound(UUID id) implements GetVideoResult {}
}
