package dev.reelforge.shotstack.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.ingest.Rendition;
import dev.reelforge.core.ingest.Source;
import dev.reelforge.core.json.Json;
import dev.reelforge.shotstack.RenderJson;
import java.util.List;

/**
 * Sources as the Ingest API shows them (JSON:API, resource type {@code source}). The contract types a source's
 * {@code height} as a string (its rendition's as an integer): it is written as the contract says. Why a source or a
 * rendition failed is not shown (the contract has no field for it); the logs and callbacks' {@code error} say it.
 */
final class SourceJson {

    static final String TYPE = "source";

    private SourceJson() {}

    /** QueuedSourceResponse: {@code {"data":{"type":"source","id"}}}. */
    static ObjectNode queued(Source source) {
        ObjectNode document = Json.object();
        document.putObject("data").put("type", TYPE).put("id", source.id().toString());
        return document;
    }

    /** SourceResponse: {@code {"data": {resource}}}. */
    static ObjectNode one(Source source) {
        ObjectNode document = Json.object();
        document.set("data", resource(source));
        return document;
    }

    /** SourceListResponse: {@code {"data": [resources]}}. */
    static ObjectNode list(List<Source> sources) {
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        sources.forEach(source -> data.add(resource(source)));
        return document;
    }

    private static ObjectNode resource(Source source) {
        ObjectNode attributes = Json.object()
                .put("id", source.id().toString())
                .put("owner", source.owner());
        source.input().ifPresent(input -> attributes.put("input", input));
        source.url().ifPresent(url -> attributes.put("source", url));
        attributes.put("status", source.status().wireName());
        if (!source.renditions().isEmpty()) {
            ArrayNode renditions = attributes.putObject("outputs").putArray("renditions");
            source.renditions().forEach(rendition -> renditions.add(rendition(source, rendition)));
        }
        source.media().ifPresent(media -> {
            if (media.hasVideo()) {
                attributes.put("width", media.width()).put("height", media.height());
            }
            if (media.duration() > 0) {
                attributes.put("duration", media.duration());
            }
            if (media.fps() > 0) {
                attributes.put("fps", media.fps());
            }
        });
        attributes.put("created", RenderJson.timestamp(source.created()))
                .put("updated", RenderJson.timestamp(source.updated()));
        ObjectNode resource = Json.object().put("type", TYPE).put("id", source.id().toString());
        resource.set("attributes", attributes);
        return resource;
    }

    private static ObjectNode rendition(Source source, Rendition rendition) {
        ObjectNode json = Json.object().put("id", rendition.id().toString())
                .put("status", rendition.status().wireName());
        rendition.url().ifPresent(url -> json.put("url", url));
        rendition.executionTime().ifPresent(millis -> json.put("executionTime", millis));
        JsonNode transformation = Json.parseTrusted(rendition.transformation());
        json.set("transformation", transformation);
        rendition.width().ifPresent(width -> json.put("width", width));
        rendition.height().ifPresent(height -> json.put("height", height));
        rendition.duration().ifPresent(duration -> json.put("duration", duration));
        rendition.fps().ifPresent(fps -> json.put("fps", fps));
        return json;
    }
}
