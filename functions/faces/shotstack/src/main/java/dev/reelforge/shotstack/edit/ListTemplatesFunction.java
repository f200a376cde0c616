package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.template.ListTemplates;
import dev.reelforge.core.template.ListTemplatesCommand;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.shotstack.TemplateJson;

/** {@code GET /edit/{version}/templates}: the caller's templates in the version's environment, newest first. */
public final class ListTemplatesFunction implements ProxyHandler {

    private final ListTemplates listTemplates;

    public ListTemplatesFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public ListTemplatesFunction(FunctionEnvironment environment) {
        this(new ListTemplates(DynamoDbTables.of(environment).templates()));
    }

    public ListTemplatesFunction(ListTemplates listTemplates) {
        this.listTemplates = listTemplates;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<ListTemplatesCommand> ok -> ShotstackResponses.ok(
                    TemplateJson.list(ok.value().owner(), listTemplates.list(ok.value())));
            case Parsed.Rejected<ListTemplatesCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<ListTemplatesCommand> parse(ApiRequest request) {
        return request.caller().map(caller -> new ListTemplatesCommand(caller.owner(), caller.environment()));
    }
}
