package dev.reelforge.core.video;

/** A sweep of the videos whose expiration time has come: at most {@code limit} of them this time. */
public record ExpireDueVideosCommand(int limit) {

    /** The default batch: a minute's sweep of this many videos ends well within a function's timeout. */
    public static final int DEFAULT_LIMIT = 500;

    public ExpireDueVideosCommand {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
