package dev.reelforge.shotstack.serve;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.asset.GetRenderAssets;
import dev.reelforge.core.asset.GetRenderAssetsCommand;
import dev.reelforge.core.asset.GetRenderAssetsResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.AssetJson;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.shotstack.edit.ShotstackPriming;

/**
 * {@code GET /serve/{version}/assets/render/{id}}: every hosted asset of one of the caller's renders (or of its
 * transfers with that id), as the contract's AssetRenderResponse ordered by filename; {@code data} is empty while
 * none has been created.
 */
public final class GetRenderAssetsFunction implements ProxyHandler {

    private final GetRenderAssets getRenderAssets;

    public GetRenderAssetsFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetRenderAssetsFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment)));
    }

    public GetRenderAssetsFunction(GetRenderAssets getRenderAssets) {
        this.getRenderAssets = getRenderAssets;
    }

    private static GetRenderAssets wire(DynamoDbTables tables) {
        return new GetRenderAssets(tables.renders(), tables.assets());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<GetRenderAssetsCommand> ok -> respond(getRenderAssets.get(ok.value()));
            case Parsed.Rejected<GetRenderAssetsCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<GetRenderAssetsCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.renderOrTransferPathParameter("id")
                .map(renderId -> new GetRenderAssetsCommand(caller.owner(), caller.environment(), renderId)));
    }

    private static APIGatewayProxyResponseEvent respond(GetRenderAssetsResult result) {
        return switch (result) {
            case GetRenderAssetsResult.Found found -> ShotstackResponses.document(AssetJson.list(found.assets()));
            case GetRenderAssetsResult.NotFound notFound ->
                    ShotstackResponses.problem(Problem.notFound(JsonPath.of("id"), "matches no render"));
        };
    }
}
