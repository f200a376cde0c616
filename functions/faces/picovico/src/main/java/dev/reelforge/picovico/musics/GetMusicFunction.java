package dev.reelforge.picovico.musics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.project.MusicLibrary;
import dev.reelforge.core.project.ShippedMusicLibrary;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.picovico.projects.PicovicoPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.net.URI;

/** {@code GET /musics/{id}}: one track of the library, or 404 in Picovico's envelope. */
public final class GetMusicFunction implements ProxyHandler {

    private final MusicLibrary library;
    private final URI cdnUrl;

    public GetMusicFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public GetMusicFunction(FunctionEnvironment environment) {
        this(ShippedMusicLibrary.shipped(), environment.requiredHttpUrl("CDN_URL"));
    }

    public GetMusicFunction(MusicLibrary library, URI cdnUrl) {
        this.library = library;
        this.cdnUrl = cdnUrl;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> library
                .track(new PicovicoRequest(event).pathParameter("id"))
                .map(track -> PicovicoResponses.ok(MusicJson.of(track, cdnUrl)))
                .orElseGet(() -> PicovicoResponses.error(PicovicoError.notFound("No music of the library has this id."))));
    }
}
