package dev.reelforge.shotstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.edit.MergeFields;
import dev.reelforge.core.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderPage;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.render.RenderSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * The render resources of the Edit API, written as the contract's RenderResponseData and QueuedResponseData, with
 * {@code progress} (0 to 100, an extension the contract's open RenderResponseData allows) after {@code status}; and
 * the renders list (an extension): {@code {owner, renders: [RenderResponseData without data], next}}.
 */
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
        ObjectNode response = head(render.id(), render.owner(), render.status(), render.progress(), render.error(),
                render.result());
        if (includeData) {
            response.set("data", merged ? MergeFields.apply(render.edit()) : render.edit());
        }
        response.put("created", timestamp(render.created()));
        response.put("updated", timestamp(render.updated()));
        return response;
    }

    /** A page of the caller's renders: {@code next} is the cursor of the page after it, null after the last. */
    public static ObjectNode list(String owner, RenderPage page) {
        ObjectNode response = Json.object().put("owner", owner);
        ArrayNode renders = response.putArray("renders");
        for (RenderSummary render : page.renders()) {
            renders.add(head(render.id(), render.owner(), render.status(), render.progress(), render.error(),
                    render.result())
                    .put("created", timestamp(render.created()))
                    .put("updated", timestamp(render.updated())));
        }
        page.next().ifPresentOrElse(next -> response.put("next", RenderCursor.of(next)),
                () -> response.putNull("next"));
        return response;
    }

    private static ObjectNode head(UUID id, String owner, RenderStatus status, int progress, Optional<String> error,
            Optional<RenderResult> finished) {
        ObjectNode response = Json.object()
                .put("id", id.toString())
                .put("owner", owner)
                .put("status", status.wireName())
                .put("progress", progress);
        error.ifPresent(message -> response.put("error", message));
        finished.ifPresent(result -> {
            response.put("url", result.url());
            result.poster().ifPresent(poster -> response.put("poster", poster));
            result.thumbnail().ifPresent(thumbnail -> response.put("thumbnail", thumbnail));
            response.put("duration", result.duration());
            response.put("renderTime", result.renderTimeMillis());
        });
        return response;
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
