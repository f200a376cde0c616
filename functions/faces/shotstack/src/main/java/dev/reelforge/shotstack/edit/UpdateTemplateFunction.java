package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.template.TemplateLookup;
import dev.reelforge.core.template.UpdateTemplate;
import dev.reelforge.core.template.UpdateTemplateCommand;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;

/** {@code PUT /edit/{version}/templates/{id}}: replaces the name and edit of one of the caller's templates. */
public final class UpdateTemplateFunction implements ProxyHandler {

    private final UpdateTemplate updateTemplate;

    public UpdateTemplateFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public UpdateTemplateFunction(FunctionEnvironment environment) {
        this(new UpdateTemplate(DynamoDbTables.of(environment).templates(), CreateTemplateFunction.checks(environment),
                environment.clock()));
    }

    public UpdateTemplateFunction(UpdateTemplate updateTemplate) {
        this.updateTemplate = updateTemplate;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<UpdateTemplateCommand> ok -> TemplateResponses.saved(updateTemplate.update(ok.value()), false);
            case Parsed.Rejected<UpdateTemplateCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<UpdateTemplateCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id").flatMap(id ->
                request.jsonBody(TemplateResponses.MAX_BODY_BYTES).map(body -> new UpdateTemplateCommand(
                        new TemplateLookup(caller.owner(), caller.environment(), id), body))));
    }
}
