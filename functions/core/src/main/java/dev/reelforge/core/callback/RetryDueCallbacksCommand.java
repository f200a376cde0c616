package dev.reelforge.core.callback;

/** Send a queue message for each due delivery that has none, at most {@code limit} of them. */
public record RetryDueCallbacksCommand(int limit) {

    public RetryDueCallbacksCommand {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
