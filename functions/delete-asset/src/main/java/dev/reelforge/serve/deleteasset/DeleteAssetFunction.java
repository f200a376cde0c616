package dev.reelforge.serve.deleteasset;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.asset.DeleteAsset;
import dev.reelforge.core.asset.DeleteAssetCommand;
import dev.reelforge.core.asset.DeleteAssetResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * {@code DELETE /serve/{version}/assets/{id}}: deletes the hosted file of one of the caller's assets and
 * answers 204; the asset's record stays with status {@code deleted}, and deleting it again answers 204 too.
 */
public final class DeleteAssetFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final DeleteAsset deleteAsset;

    public DeleteAssetFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public DeleteAssetFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #DeleteAssetFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public DeleteAssetFunction(Map<String, String> environment, Clock clock) {
        this(wire(DeleteAssetSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1))));
    }

    public DeleteAssetFunction(DeleteAsset deleteAsset) {
        this.deleteAsset = deleteAsset;
    }

    private static DeleteAsset wire(DeleteAssetSettings settings, Clock clock) {
        return new DeleteAsset(
                new DynamoDbAssets(AwsClients.dynamoDb(settings.aws()), settings.assetsTable()),
                new S3HostedFiles(AwsClients.s3(settings.aws()), settings.hostingBucket(),
                        AwsClients.cloudFront(settings.aws()), settings.hostingDistributionId()),
                clock);
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
