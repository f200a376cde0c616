package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.template.DeleteTemplate;
import dev.reelforge.core.template.TemplateLookup;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;

/**
 * {@code DELETE /edit/{version}/templates/{id}}: deletes one of the caller's templates and answers 204; one that is not
 * the caller's (or deleted already) answers 404. Renders made from it keep their own copy of its edit.
 */
public final class DeleteTemplateFunction implements ProxyHandler {

    private final DeleteTemplate deleteTemplate;

    public DeleteTemplateFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public DeleteTemplateFunction(FunctionEnvironment environment) {
        this(new DeleteTemplate(DynamoDbTables.of(environment).templates()));
    }

    public DeleteTemplateFunction(DeleteTemplate deleteTemplate) {
        this.deleteTemplate = deleteTemplate;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<TemplateLookup> ok -> deleteTemplate.delete(ok.value()) ? ShotstackResponses.noContent()
                    : TemplateResponses.notFound();
            case Parsed.Rejected<TemplateLookup> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<TemplateLookup> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id")
                .map(id -> new TemplateLookup(caller.owner(), caller.environment(), id)));
    }
}
