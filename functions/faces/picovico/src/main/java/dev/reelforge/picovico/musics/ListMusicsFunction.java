package dev.reelforge.picovico.musics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.MusicLibrary;
import dev.reelforge.core.project.ShippedMusicLibrary;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.picovico.projects.PicovicoPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.net.URI;

/**
 * {@code GET /musics}: the library that ships with Reelforge, a bare array as the Python SDK's
 * {@code get_library_musics} reads it. Every caller has the same tracks; nothing is read from a table.
 */
public final class ListMusicsFunction implements ProxyHandler {

    private final MusicLibrary library;
    private final URI cdnUrl;

    public ListMusicsFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public ListMusicsFunction(FunctionEnvironment environment) {
        this(ShippedMusicLibrary.shipped(), environment.requiredHttpUrl("CDN_URL"));
    }

    public ListMusicsFunction(MusicLibrary library, URI cdnUrl) {
        this.library = library;
        this.cdnUrl = cdnUrl;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            ArrayNode listing = Json.MAPPER.createArrayNode();
            library.tracks().forEach(track -> listing.add(MusicJson.of(track, cdnUrl)));
            return PicovicoResponses.ok(listing);
        });
    }
}
