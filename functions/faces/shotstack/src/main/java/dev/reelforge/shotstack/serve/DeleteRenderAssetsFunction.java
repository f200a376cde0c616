package dev.reelforge.shotstack.serve;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.asset.DeleteRenderAssets;
import dev.reelforge.core.asset.DeleteRenderAssetsCommand;
import dev.reelforge.core.asset.DeleteRenderAssetsResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.shotstack.edit.ShotstackPriming;

/**
 * {@code DELETE /serve/{version}/assets/render/{id}}, a Reelforge extension of the Serve API: deletes every
 * hosted asset of one of the caller's renders (or of its transfers with one id) and answers 204 (also when none was
 * left to delete).
 */
public final class DeleteRenderAssetsFunction implements ProxyHandler {

    private final DeleteRenderAssets deleteRenderAssets;

    public DeleteRenderAssetsFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public DeleteRenderAssetsFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public DeleteRenderAssetsFunction(DeleteRenderAssets deleteRenderAssets) {
        this.deleteRenderAssets = deleteRenderAssets;
    }

    private static DeleteRenderAssets wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new DeleteRenderAssets(tables.renders(), tables.assets(), environment.clock());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<DeleteRenderAssetsCommand> ok -> respond(deleteRenderAssets.delete(ok.value()));
            case Parsed.Rejected<DeleteRenderAssetsCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<DeleteRenderAssetsCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.renderOrTransferPathParameter("id")
                .map(renderId -> new DeleteRenderAssetsCommand(caller.owner(), caller.environment(), renderId)));
    }

    private static APIGatewayProxyResponseEvent respond(DeleteRenderAssetsResult result) {
        return switch (result) {
            case DeleteRenderAssetsResult.Deleted deleted -> ShotstackResponses.noContent();
            case DeleteRenderAssetsResult.NotFound notFound ->
                    ShotstackResponses.problem(Problem.notFound(JsonPath.of("id"), "matches no render"));
        };
    }
}
