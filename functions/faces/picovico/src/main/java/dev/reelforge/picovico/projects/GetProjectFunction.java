package dev.reelforge.picovico.projects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.project.GetProject;
import dev.reelforge.core.project.StyleBook;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/** {@code GET /me/videos/{id}}: the caller's Video, or 404. */
public final class GetProjectFunction implements ProxyHandler {

    private final GetProject getProject;
    private final StyleBook styles;

    public GetProjectFunction() {
        this(FunctionEnvironment.fromSystem());
        PicovicoPriming.register();
    }

    public GetProjectFunction(FunctionEnvironment environment) {
        this(new GetProject(DynamoDbTables.of(environment).projects()));
    }

    public GetProjectFunction(GetProject getProject) {
        this.getProject = getProject;
        this.styles = StyleBook.shipped();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> getProject.get(
                        ProjectRoutes.lookup(new PicovicoRequest(event)))
                .map(project -> PicovicoResponses.ok(VideoJson.of(project, styles)))
                .orElseGet(ProjectRoutes::notFound));
    }
}
