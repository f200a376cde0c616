package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.render.GetRender;
import dev.reelforge.core.render.GetRenderCommand;
import dev.reelforge.core.render.GetRenderResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;

/** {@code GET /edit/{version}/render/{id}?data=&merged=}: the status of one of the caller's renders. */
public final class GetRenderFunction implements ProxyHandler {

    /** The contract documents {@code data} as defaulting to true (deprecated, but clients rely on it). */
    private static final boolean DATA_BY_DEFAULT = true;

    private final GetRender getRender;

    public GetRenderFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetRenderFunction(FunctionEnvironment environment) {
        this(new GetRender(DynamoDbTables.of(environment).renders()));
    }

    public GetRenderFunction(GetRender getRender) {
        this.getRender = getRender;
    }

    private record StatusQuery(GetRenderCommand command, boolean includeData, boolean merged) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<StatusQuery> ok -> respond(getRender.get(ok.value().command()), ok.value());
            case Parsed.Rejected<StatusQuery> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<StatusQuery> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id").flatMap(id ->
                request.booleanQueryParameter("data", DATA_BY_DEFAULT).flatMap(data ->
                        request.booleanQueryParameter("merged", false).map(merged ->
                                new StatusQuery(new GetRenderCommand(caller.owner(), caller.environment(), id), data, merged)))));
    }

    private static APIGatewayProxyResponseEvent respond(GetRenderResult result, StatusQuery query) {
        return switch (result) {
            case GetRenderResult.Found found ->
                    ShotstackResponses.ok(RenderJson.status(found.render(), query.includeData(), query.merged()));
            case GetRenderResult.NotFound notFound -> ShotstackResponses.problem(
                    Problem.notFound(JsonPath.of("id"), "matches no render"));
        };
    }
}
