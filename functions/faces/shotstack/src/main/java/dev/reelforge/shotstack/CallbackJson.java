package dev.reelforge.shotstack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.callback.Delivery;
import dev.reelforge.core.json.Json;
import java.util.List;

/**
 * The {@code response} of {@code GET /edit/{version}/render/{id}/callbacks}, a Reelforge extension:
 * {@code {"callbacks": [{"id", "event", "url", "state", "attempts", "lastStatus", "lastError", "nextAttemptAt",
 * "created", "updated"}]}}, where {@code id} is the {@code webhook-id} the receiver sees.
 */
public final class CallbackJson {

    private CallbackJson() {}

    public static ObjectNode list(List<Delivery> deliveries) {
        ObjectNode response = Json.object();
        ArrayNode callbacks = response.putArray("callbacks");
        for (Delivery delivery : deliveries) {
            ObjectNode callback = callbacks.addObject()
                    .put("id", delivery.id())
                    .put("event", delivery.event())
                    .put("url", delivery.callbackUrl())
                    .put("state", delivery.state().wireName())
                    .put("attempts", delivery.attempts());
            delivery.lastStatus().ifPresent(status -> callback.put("lastStatus", status));
            delivery.lastError().ifPresent(error -> callback.put("lastError", error));
            delivery.nextAttemptAt().filter(next -> !delivery.state().isFinal())
                    .ifPresent(next -> callback.put("nextAttemptAt", RenderJson.timestamp(next)));
            callback.put("created", RenderJson.timestamp(delivery.created()));
            callback.put("updated", RenderJson.timestamp(delivery.updated()));
        }
        return response;
    }
}
