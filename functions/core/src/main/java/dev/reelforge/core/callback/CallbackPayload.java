package dev.reelforge.core.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of a callback, as Shotstack sends it: for a render reaching {@code done} or {@code failed}
 * {@code {"type":"edit","action":"render","id","owner","status","url","error","completed"}}, for a hosted
 * asset reaching {@code ready} or {@code failed} {@code {"type":"serve","action":"copy","id","render","owner",
 * "status","url","error","completed"}}; for a hosted video deleted because its expiration time came (the Videos
 * API's rule {@code at_given_time}) {@code {"type":"serve","action":"expire","id","render","owner","status":"deleted",
 * "url":null,"error":null,"completed"}}. {@code url} and {@code error} are null when absent; {@code completed} is
 * written like the API's other timestamps (ISO-8601 UTC with milliseconds).
 */
public sealed interface CallbackPayload {

    DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    String owner();

    /** The render the callback is about (for an asset, its render). */
    UUID renderId();

    /** What happened, as deliveries list it: {@code render.done}, {@code asset.ready}, ... */
    String event();

    /** The webhook id (and delivery id): the same for the same event however often it is announced. */
    String deliveryId();

    String json();

    record Render(UUID id, String owner, String status, Optional<String> url, Optional<String> error,
            Instant completed) implements CallbackPayload {

        public Render {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(completed, "completed");
        }

        @Override
        public UUID renderId() {
            return id;
        }

        @Override
        public String event() {
            return "render." + status;
        }

        @Override
        public String deliveryId() {
            return DeliveryId.of(id, status);
        }

        @Override
        public String json() {
            ObjectNode body = Json.object().put("type", "edit").put("action", "render").put("id", id.toString())
                    .put("owner", owner).put("status", status);
            return finish(body, url, error, completed);
        }
    }

    record Asset(UUID id, UUID render, String owner, String status, Optional<String> url, Optional<String> error,
            Instant completed) implements CallbackPayload {

        public Asset {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(render, "render");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(completed, "completed");
        }

        @Override
        public UUID renderId() {
            return render;
        }

        @Override
        public String event() {
            return "asset." + status;
        }

        @Override
        public String deliveryId() {
            return DeliveryId.of(id, status);
        }

        @Override
        public String json() {
            ObjectNode body = Json.object().put("type", "serve").put("action", "copy").put("id", id.toString())
                    .put("render", render.toString()).put("owner", owner).put("status", status);
            return finish(body, url, error, completed);
        }
    }

    /** A hosted video's asset deleted by its expiration rule; {@code completed} is when it was deleted. */
    record Expiration(UUID id, UUID render, String owner, Instant completed) implements CallbackPayload {

        /** The status a dispatch names for an expiration (the asset's own status is then {@code deleted}). */
        public static final String DISPATCH_STATUS = "expired";

        public Expiration {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(render, "render");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(completed, "completed");
        }

        @Override
        public UUID renderId() {
            return render;
        }

        @Override
        public String event() {
            return "asset." + DISPATCH_STATUS;
        }

        @Override
        public String deliveryId() {
            return DeliveryId.of(id, DISPATCH_STATUS);
        }

        @Override
        public String json() {
            ObjectNode body = Json.object().put("type", "serve").put("action", "expire").put("id", id.toString())
                    .put("render", render.toString()).put("owner", owner).put("status", "deleted");
            return finish(body, Optional.empty(), Optional.empty(), completed);
        }
    }

    /**
     * An ingested source, or one of its renditions, that became {@code ready} or {@code failed}, in Shotstack's ingest
     * body: {@code {"type":"ingest","action":"source" | "rendition","id","owner","status","url","error","completed"}}
     * ({@code id} the source's or the rendition's). Its deliveries are listed under the source.
     */
    record Ingest(UUID id, UUID source, String owner, String action, String status, Optional<String> url,
            Optional<String> error, Instant completed) implements CallbackPayload {

        public Ingest {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(completed, "completed");
        }

        @Override
        public UUID renderId() {
            return source;
        }

        @Override
        public String event() {
            return action + "." + status;
        }

        @Override
        public String deliveryId() {
            return DeliveryId.of(id, status);
        }

        @Override
        public String json() {
            ObjectNode body = Json.object().put("type", "ingest").put("action", action).put("id", id.toString())
                    .put("owner", owner).put("status", status);
            return finish(body, url, error, completed);
        }
    }

    /**
     * A Picovico project settled by its render, in Picovico's v2.7 body: {@code {"type":"video.created" |
     * "video.failed","created":<Unix seconds>,"status":"published" | "failed","data":{"object":{"id","video":
     * [{"quality","url","size","thumbnail"}]}}}}; {@code body} is that JSON, made by the projects flow.
     */
    record Project(UUID render, String owner, String type, String body) implements CallbackPayload {

        public Project {
            Objects.requireNonNull(render, "render");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public UUID renderId() {
            return render;
        }

        @Override
        public String event() {
            return type;
        }

        @Override
        public String deliveryId() {
            return DeliveryId.of(render, type);
        }

        @Override
        public String json() {
            return body;
        }
    }

    private static String finish(ObjectNode body, Optional<String> url, Optional<String> error, Instant completed) {
        body.put("url", url.orElse(null));
        body.put("error", error.orElse(null));
        body.put("completed", TIMESTAMP.format(completed));
        return Json.write(body);
    }
}
