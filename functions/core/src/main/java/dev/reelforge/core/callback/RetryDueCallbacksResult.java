package dev.reelforge.core.callback;

import java.util.List;

/** The deliveries this sweep put back on the queue. */
public record RetryDueCallbacksResult(List<String> enqueued) {

    public RetryDueCallbacksResult {
        enqueued = List.copyOf(enqueued);
    }
}
