package dev.reelforge.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.util.UUID;

/**
 * One chunk of a render composed in parts: chunk {@code chunk} of {@code chunks} (from 0), the part of the render's
 * output from {@code from} to {@code to} seconds.
 */
public record ChunkOrder(RenderKey render, int chunk, int chunks, double from, double to) {

    public ChunkOrder {
        if (chunks < 2 || chunk < 0 || chunk >= chunks || !(from >= 0 && to > from)) {
            throw new IllegalArgumentException("no chunk " + chunk + " of " + chunks + " runs from " + from + " to "
                    + to);
        }
    }

    /** The order as a queue message carries it. */
    public String toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode()
                .put("owner", render.owner())
                .put("id", render.id().toString())
                .put("chunk", chunk)
                .put("chunks", chunks)
                .put("from", from)
                .put("to", to);
        return json.toString();
    }

    /** Reads what {@link #toJson} wrote; anything else is refused with {@link IllegalArgumentException}. */
    public static ChunkOrder fromJson(String message) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a chunk order is a JSON object", e);
        }
        if (json == null || !json.path("owner").isTextual() || !json.path("id").isTextual()
                || !json.path("chunk").isInt() || !json.path("chunks").isInt() || !json.path("from").isNumber()
                || !json.path("to").isNumber()) {
            throw new IllegalArgumentException("a chunk order has owner, id, chunk, chunks, from and to");
        }
        return new ChunkOrder(new RenderKey(json.get("owner").asText(), UUID.fromString(json.get("id").asText())),
                json.get("chunk").asInt(), json.get("chunks").asInt(), json.get("from").asDouble(),
                json.get("to").asDouble());
    }
}
