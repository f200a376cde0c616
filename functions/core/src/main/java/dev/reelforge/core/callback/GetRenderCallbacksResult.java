package dev.reelforge.core.callback;

import java.util.List;
import java.util.UUID;

public sealed interface GetRenderCallbacksResult {

    /** The render's callbacks (its own and its assets'), oldest first; none when it asked for none. */
    record Found(List<Delivery> deliveries) implements GetRenderCallbacksResult {

        public Found {
            deliveries = List.copyOf(deliveries);
        }
    }

    record NotFound(UUID renderId) implements GetRenderCallbacksResult {}
}
