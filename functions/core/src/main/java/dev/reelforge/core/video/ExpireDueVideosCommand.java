package dev.reelforge.core.video;

/**
 * A sweep of the videos whose expiration time has come: at most {@code limit} of them this time, {@code parallelism}
 * of them at once.
 */
public record ExpireDueVideosCommand(int limit, int parallelism) {

    /** The default batch: a minute's sweep of this many videos ends well within a function's timeout. */
    public static final int DEFAULT_LIMIT = 500;
    /** How many videos the function expires at once: each is a handful of DynamoDB calls, mostly waiting. */
    public static final int DEFAULT_PARALLELISM = 8;

    public ExpireDueVideosCommand {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
        }
    }

    /** One video after the other. */
    public ExpireDueVideosCommand(int limit) {
        this(limit, 1);
    }
}
