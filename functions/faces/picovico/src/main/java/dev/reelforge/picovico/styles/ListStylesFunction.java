package dev.reelforge.picovico.styles;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.Style;
import dev.reelforge.core.project.StyleBook;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.picovico.projects.PicovicoPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code GET /styles} and {@code GET /me/styles}: the shipped styles' listing, a bare array as the SDKs read it
 * ({@code name}, {@code machine_name}, {@code category}, {@code is_featured}, {@code description},
 * {@code thumbnail}, {@code sample_url}, {@code limits}). No thumbnails or samples are made yet: those are null.
 * Every caller has the same styles; nothing is read from a table.
 */
public final class ListStylesFunction implements ProxyHandler {

    private final StyleBook styles;

    public ListStylesFunction() {
        this(StyleBook.shipped());
        PicovicoPriming.register();
    }

    public ListStylesFunction(FunctionEnvironment environment) {
        this(StyleBook.shipped());
    }

    public ListStylesFunction(StyleBook styles) {
        this.styles = styles;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            ArrayNode listing = Json.MAPPER.createArrayNode();
            styles.all().forEach(style -> listing.add(listing(style.listing())));
            return PicovicoResponses.ok(listing);
        });
    }

    private static ObjectNode listing(Style.Listing style) {
        ObjectNode json = Json.object().put("name", style.name()).put("machine_name", style.machineName())
                .put("category", style.category()).put("is_featured", style.featured())
                .put("description", style.description());
        json.putNull("thumbnail");
        json.putNull("sample_url");
        ObjectNode limits = json.putObject("limits");
        ArrayNode qualities = limits.putArray("quality");
        style.qualities().forEach(quality -> qualities.addObject().put("res", quality.res())
                .put("credits", quality.credits()).put("white_labeled", quality.whiteLabeled()));
        limits.put("title_length", style.titleLength()).put("text_length", style.textLength());
        return json;
    }
}
