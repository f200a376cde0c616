package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.ProjectMedia;
import dev.reelforge.core.project.ShippedMusicLibrary;
import dev.reelforge.core.project.RenderProject;
import dev.reelforge.core.project.RenderProjectResult;
import dev.reelforge.core.project.StyleBook;
import dev.reelforge.core.render.EditChecks;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.sources.GuardedCallbackUrlCheck;
import java.util.UUID;

/**
 * {@code POST /me/videos/{id}/render}: queues the render of the caller's draft and debits its credits, answering
 * {@code {"message":"Video is being created","status":7201}}; a refusal carries Picovico's 74xx code in the
 * envelope's {@code status}, with HTTP 400 (402 for too few credits). The body, if any, is not read.
 */
public final class RenderProjectFunction implements ProxyHandler {

    /** Picovico's "Video is being created" (seed 004's table; its sample's 7101 is settled as 7201). */
    static final int BEING_CREATED = 7201;

    private final RenderProject renderProject;

    public RenderProjectFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    /** The owner's uploads by id (served by the CDN at {@code CDN_URL}), else, for music, the library's tracks. */
    public RenderProjectFunction(FunctionEnvironment environment) {
        this(environment, DynamoDbTables.of(environment).projectMedia(ShippedMusicLibrary.shipped()));
    }

    /** The real parts, with {@code media} finding the photos and music a project names by id. */
    public RenderProjectFunction(FunctionEnvironment environment, ProjectMedia media) {
        this(wire(DynamoDbTables.of(environment), environment, media));
    }

    public RenderProjectFunction(RenderProject renderProject) {
        this.renderProject = renderProject;
    }

    private static RenderProject wire(DynamoDbTables tables, FunctionEnvironment environment, ProjectMedia media) {
        return new RenderProject(tables.projects(), StyleBook.shipped(), media,
                new EditChecks(new EditValidator(),
                        new GuardedCallbackUrlCheck(environment.requiredFlag("ALLOW_LOOPBACK_CALLBACKS"))),
                tables.creditedRenders(), environment.clock(), UUID::randomUUID);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            PicovicoRequest request = new PicovicoRequest(event);
            RenderProjectResult result = renderProject.render(ProjectRoutes.lookup(request));
            if (result instanceof RenderProjectResult.Queued queued) {
                StructuredLog.of(context).event("project.render_queued").owner(request.caller().owner())
                        .render(queued.renderId()).field("project", request.pathParameter("id")).info();
            }
            return switch (result) {
                case RenderProjectResult.Queued queued -> PicovicoResponses.ok(Json.object()
                        .put("message", "Video is being created").put("status", BEING_CREATED));
                case RenderProjectResult.NotFound notFound -> ProjectRoutes.notFound();
                case RenderProjectResult.NotADraft notADraft -> PicovicoResponses.error(PicovicoError.conflict(
                        "The video is " + notADraft.status().wireName()
                                + ": only a draft (initial) can be rendered."));
                case RenderProjectResult.Refused refused -> PicovicoResponses.refused(
                        refused.code() == RenderProject.INSUFFICIENT_CREDITS ? 402 : 400, refused.code(),
                        refused.message());
                case RenderProjectResult.Invalid invalid -> PicovicoResponses.error(
                        PicovicoError.badRequest(invalid.message()));
            };
        });
    }
}
