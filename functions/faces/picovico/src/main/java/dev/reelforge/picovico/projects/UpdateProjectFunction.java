package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.project.ProjectUpdated;
import dev.reelforge.core.project.StyleBook;
import dev.reelforge.core.project.UpdateProject;
import dev.reelforge.core.project.UpdateProjectCommand;
import dev.reelforge.picovico.Parsed;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code POST /me/videos/{id}}: sets the fields sent (form fields holding JSON strings, or a JSON body) on the
 * caller's draft and answers the Video; a wrong or unknown field is 400 naming it, a video past its draft 409.
 */
public final class UpdateProjectFunction implements ProxyHandler {

    /** 200 frames with captions and URLs fit; a DynamoDB item holds 400 KB. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final UpdateProject updateProject;
    private final StyleBook styles;

    public UpdateProjectFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public UpdateProjectFunction(FunctionEnvironment environment) {
        this(new UpdateProject(DynamoDbTables.of(environment).projects(), StyleBook.shipped(), environment.clock()));
    }

    public UpdateProjectFunction(UpdateProject updateProject) {
        this.updateProject = updateProject;
        this.styles = StyleBook.shipped();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            PicovicoRequest request = new PicovicoRequest(event);
            return switch (request.document(MAX_BODY_BYTES)) {
                case Parsed.Rejected<JsonNode> rejected -> PicovicoResponses.error(rejected.error());
                case Parsed.Ok<JsonNode> fields -> switch (updateProject.update(
                        new UpdateProjectCommand(ProjectRoutes.lookup(request), fields.value()))) {
                    case ProjectUpdated.Updated updated -> PicovicoResponses.ok(VideoJson.of(updated.project(), styles));
                    case ProjectUpdated.NotFound notFound -> ProjectRoutes.notFound();
                    case ProjectUpdated.NotADraft notADraft -> PicovicoResponses.error(PicovicoError.conflict(
                            "The video is " + notADraft.status().wireName() + ": only a draft (initial) can be changed."));
                    case ProjectUpdated.Refused refused -> PicovicoResponses.error(
                            PicovicoError.badRequest(refused.message()));
                };
            };
        });
    }
}
