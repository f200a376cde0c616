package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.template.GetTemplate;
import dev.reelforge.core.template.TemplateLookup;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.shotstack.TemplateJson;

/** {@code GET /edit/{version}/templates/{id}}: one of the caller's templates, its edit as it was saved. */
public final class GetTemplateFunction implements ProxyHandler {

    private final GetTemplate getTemplate;

    public GetTemplateFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetTemplateFunction(FunctionEnvironment environment) {
        this(new GetTemplate(DynamoDbTables.of(environment).templates()));
    }

    public GetTemplateFunction(GetTemplate getTemplate) {
        this.getTemplate = getTemplate;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<TemplateLookup> ok -> getTemplate.get(ok.value())
                    .map(template -> ShotstackResponses.ok(TemplateJson.of(template)))
                    .orElseGet(TemplateResponses::notFound);
            case Parsed.Rejected<TemplateLookup> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<TemplateLookup> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id")
                .map(id -> new TemplateLookup(caller.owner(), caller.environment(), id)));
    }
}
