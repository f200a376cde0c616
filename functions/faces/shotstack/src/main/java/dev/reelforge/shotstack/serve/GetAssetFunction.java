package dev.reelforge.shotstack.serve;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.asset.GetAsset;
import dev.reelforge.core.asset.GetAssetCommand;
import dev.reelforge.core.asset.GetAssetResult;
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

/** {@code GET /serve/{version}/assets/{id}}: one of the caller's hosted assets, as the contract's AssetResponse. */
public final class GetAssetFunction implements ProxyHandler {

    private final GetAsset getAsset;

    public GetAssetFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetAssetFunction(FunctionEnvironment environment) {
        this(new GetAsset(DynamoDbTables.of(environment).assets()));
    }

    public GetAssetFunction(GetAsset getAsset) {
        this.getAsset = getAsset;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<GetAssetCommand> ok -> respond(getAsset.get(ok.value()));
            case Parsed.Rejected<GetAssetCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<GetAssetCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id")
                .map(id -> new GetAssetCommand(caller.owner(), caller.environment(), id)));
    }

    private static APIGatewayProxyResponseEvent respond(GetAssetResult result) {
        return switch (result) {
            case GetAssetResult.Found found -> ShotstackResponses.document(AssetJson.one(found.asset()));
            case GetAssetResult.NotFound notFound ->
                    ShotstackResponses.problem(Problem.notFound(JsonPath.of("id"), "matches no asset"));
        };
    }
}
