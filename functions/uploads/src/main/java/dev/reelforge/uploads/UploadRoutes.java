package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.upload.UploadKind;
import dev.reelforge.core.upload.UploadLookup;
import dev.reelforge.picovico.Caller;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;

/** What the upload handlers share: the kind a route serves, the lookup a request names, the not-found answer. */
final class UploadRoutes {

    private UploadRoutes() {}

    /** {@code /me/photos...} serves photos, {@code /me/musics...} music (the route's resource, not the raw path). */
    static UploadKind kind(APIGatewayProxyRequestEvent event) {
        String resource = event.getResource() == null ? "" : event.getResource();
        return resource.startsWith("/me/musics") ? UploadKind.MUSIC : UploadKind.PHOTO;
    }

    /** {@code photos} or {@code musics}, as the paths and listings name them. */
    static String plural(UploadKind kind) {
        return kind == UploadKind.PHOTO ? "photos" : "musics";
    }

    static UploadLookup lookup(APIGatewayProxyRequestEvent event) {
        PicovicoRequest request = new PicovicoRequest(event);
        Caller caller = request.caller();
        return new UploadLookup(caller.owner(), caller.environment(), kind(event), request.pathParameter("id"));
    }

    /** Another owner's or environment's upload is not found either: nothing tells them apart. */
    static APIGatewayProxyResponseEvent notFound(UploadKind kind) {
        return PicovicoResponses.error(PicovicoError.notFound(
                "No " + (kind == UploadKind.PHOTO ? "photo" : "music") + " has this id."));
    }
}
