package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.callback.GetRenderCallbacks;
import dev.reelforge.core.callback.GetRenderCallbacksCommand;
import dev.reelforge.core.callback.GetRenderCallbacksResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.CallbackJson;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;

/**
 * {@code GET /edit/{version}/render/{id}/callbacks} (a Reelforge extension): how each callback of the render went,
 * in the Edit API's envelope.
 */
public final class GetRenderCallbacksFunction implements ProxyHandler {

    private final GetRenderCallbacks getRenderCallbacks;

    public GetRenderCallbacksFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetRenderCallbacksFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment)));
    }

    public GetRenderCallbacksFunction(GetRenderCallbacks getRenderCallbacks) {
        this.getRenderCallbacks = getRenderCallbacks;
    }

    private static GetRenderCallbacks wire(DynamoDbTables tables) {
        return new GetRenderCallbacks(tables.renders(), tables.deliveries());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<GetRenderCallbacksCommand> ok -> respond(getRenderCallbacks.get(ok.value()));
            case Parsed.Rejected<GetRenderCallbacksCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<GetRenderCallbacksCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id")
                .map(renderId -> new GetRenderCallbacksCommand(caller.owner(), caller.environment(), renderId)));
    }

    private static APIGatewayProxyResponseEvent respond(GetRenderCallbacksResult result) {
        return switch (result) {
            case GetRenderCallbacksResult.Found found -> ShotstackResponses.ok(CallbackJson.list(found.deliveries()));
            case GetRenderCallbacksResult.NotFound notFound ->
                    ShotstackResponses.problem(Problem.notFound(JsonPath.of("id"), "matches no render"));
        };
    }
}
