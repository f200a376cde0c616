package dev.reelforge.shotstack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.json.Json;
import java.util.List;

/**
 * The asset resources of the Serve API, JSON:API documents as the contract writes them: AssetResponse
 * ({@code data} is one resource) and AssetRenderResponse ({@code data} is an array), each resource
 * {@code {"type": "assets", "attributes": {...}}}. Unlike the Edit API these documents are not wrapped in
 * the {@code success}/{@code message}/{@code response} envelope; errors still are.
 */
public final class AssetJson {

    /** The resource type; the contract's example says {@code asset}, its description and the docs {@code assets}. */
    static final String TYPE = "assets";

    private AssetJson() {}

    /** AssetResponse: {@code {"data": {resource}}}. */
    public static ObjectNode one(Asset asset) {
        ObjectNode document = Json.object();
        document.set("data", resource(asset));
        return document;
    }

    /** AssetRenderResponse: {@code {"data": [resources]}}, in the order given. */
    public static ObjectNode list(List<Asset> assets) {
        ObjectNode document = Json.object();
        ArrayNode data = document.putArray("data");
        assets.forEach(asset -> data.add(resource(asset)));
        return document;
    }

    /**
     * AssetResponseData. {@code providerId} is the asset id, as the contract says for assets hosted by the
     * service itself; {@code url} appears once the copy is ready. The record's {@code error} is not shown:
     * the contract has no such attribute ({@code status: failed} says it).
     */
    static ObjectNode resource(Asset asset) {
        ObjectNode attributes = Json.object()
                .put("id", asset.id().toString())
                .put("owner", asset.owner())
                .put("region", asset.region())
                .put("renderId", asset.renderId().toString())
                .put("providerId", asset.id().toString())
                .put("filename", asset.filename());
        asset.url().ifPresent(url -> attributes.put("url", url));
        attributes.put("status", asset.status().wireName())
                .put("created", RenderJson.timestamp(asset.created()))
                .put("updated", RenderJson.timestamp(asset.updated()));
        ObjectNode resource = Json.object().put("type", TYPE);
        resource.set("attributes", attributes);
        return resource;
    }
}
