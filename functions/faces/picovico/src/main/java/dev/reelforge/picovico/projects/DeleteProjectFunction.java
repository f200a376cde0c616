package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.asset.DeleteRenderAssets;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.project.DeleteProject;
import dev.reelforge.core.project.DeleteProjectResult;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code DELETE /me/videos/{id}}: {@code {"message":"Video deleted"}}, or 404 (also when deleted already); a published
 * video's hosted files are deleted as the Serve API deletes a render's assets; a video still processing is 409.
 */
public final class DeleteProjectFunction implements ProxyHandler {

    private final DeleteProject deleteProject;

    public DeleteProjectFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public DeleteProjectFunction(FunctionEnvironment environment) {
        this(deleteProject(DynamoDbTables.of(environment), environment));
    }

    public DeleteProjectFunction(DeleteProject deleteProject) {
        this.deleteProject = deleteProject;
    }

    private static DeleteProject deleteProject(DynamoDbTables tables, FunctionEnvironment environment) {
        return new DeleteProject(tables.projects(),
                new DeleteRenderAssets(tables.renders(), tables.assets(), environment.clock()));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () ->
                switch (deleteProject.delete(ProjectRoutes.lookup(new PicovicoRequest(event)))) {
                    case DeleteProjectResult.Deleted deleted ->
                            PicovicoResponses.ok(Json.object().put("message", "Video deleted"));
                    case DeleteProjectResult.NotFound notFound -> ProjectRoutes.notFound();
                    case DeleteProjectResult.Processing processing -> PicovicoResponses.error(PicovicoError.conflict(
                            "The video is processing: it can be deleted once it is published or failed."));
                });
    }
}
