package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.project.ProjectLookup;
import dev.reelforge.picovico.Caller;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;

/** What the project handlers share: the lookup a request names, and the not-found answer. */
final class ProjectRoutes {

    private ProjectRoutes() {}

    static ProjectLookup lookup(PicovicoRequest request) {
        Caller caller = request.caller();
        return new ProjectLookup(caller.owner(), caller.environment(), request.pathParameter("id"));
    }

    /** Another owner's or environment's project is not found either: nothing tells them apart. */
    static APIGatewayProxyResponseEvent notFound() {
        return PicovicoResponses.error(PicovicoError.notFound("No video has this id."));
    }
}
