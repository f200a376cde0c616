package dev.reelforge.shotstack.serve;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.asset.DeleteAsset;
import dev.reelforge.core.asset.DeleteAssetCommand;
import dev.reelforge.core.asset.DeleteAssetResult;
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
 * {@code DELETE /serve/{version}/assets/{id}}: deletes one of the caller's assets and answers 204; the record stays
 * with status {@code deleted} and its hosted file is removed by the hosting flow within seconds
 * ({@code RemoveHostedFilesFunction}); deleting it again answers 204 too.
 */
public final class DeleteAssetFunction implements ProxyHandler {

    private final DeleteAsset deleteAsset;

    public DeleteAssetFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public DeleteAssetFunction(FunctionEnvironment environment) {
        this(new DeleteAsset(DynamoDbTables.of(environment).assets(), environment.clock()));
    }

    public DeleteAssetFunction(DeleteAsset deleteAsset) {
        this.deleteAsset = deleteAsset;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<DeleteAssetCommand> ok -> respond(deleteAsset.delete(ok.value()));
            case Parsed.Rejected<DeleteAssetCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<DeleteAssetCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id")
                .map(id -> new DeleteAssetCommand(caller.owner(), caller.environment(), id)));
    }

    private static APIGatewayProxyResponseEvent respond(DeleteAssetResult result) {
        return switch (result) {
            case DeleteAssetResult.Deleted deleted -> ShotstackResponses.noContent();
            case DeleteAssetResult.AlreadyDeleted alreadyDeleted -> ShotstackResponses.noContent();
            case DeleteAssetResult.NotFound notFound ->
                    ShotstackResponses.problem(Problem.notFound(JsonPath.of("id"), "matches no asset"));
        };
    }
}
