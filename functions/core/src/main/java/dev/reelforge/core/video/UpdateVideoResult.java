package dev.reelforge.core.video;

import java.util.UUID;

public sealed interface UpdateVideoResult {

    /** The video as it now is. */
    record Updated(VideoView video) implements UpdateVideoResult {}

    /** Every video is public while Reelforge hosts only publicly: {@code private} is refused, nothing changed. */
    record ProtectionUnsupported(Protection protection) implements UpdateVideoResult {}

    /** The video is another owner's; nothing changed. */
    record NotYours(UUID id) implements UpdateVideoResult {}

    record NotFound(UUID id) implements UpdateVideoResult {}
}
