package dev.reelforge.shotstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.Render;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The render resources of the Edit API, written as the contract's RenderResponseData and QueuedResponseData. */
public final class RenderJson {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RenderJson() {}

    public static ObjectNode queued(UUID id) {
        return Json.object().put("message", "Render Successfully Queued").put("id", id.toString());
    }

    /**
     * @param includeData whether to include the submitted edit as {@code data}
     * @param merged      whether that edit is shown with its merge fields applied
     */
    public static ObjectNode status(Render render, boolean includeData, boolean merged) {
        ObjectNode response = Json.object()
                .put("id", render.id().toString())
                .put("owner", render.owner())
                .put("status", render.status().wireName());
        render.error().ifPresent(error -> response.put("error", error));
        render.result().ifPresent(result -> {
            response.put("url", result.url());
            result.poster().ifPresent(poster -> response.put("poster", poster));
            result.thumbnail().ifPresent(thumbnail -> response.put("thumbnail", thumbnail));
            response.put("duration", result.duration());
            response.put("renderTime", result.renderTimeMillis());
        });
        if (includeData) {
            response.set("data", merged ? MergeFields.apply(render.edit()) : render.edit());
        }
        response.put("created", timestamp(render.created()));
        response.put("updated", timestamp(render.updated()));
        return response;
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
