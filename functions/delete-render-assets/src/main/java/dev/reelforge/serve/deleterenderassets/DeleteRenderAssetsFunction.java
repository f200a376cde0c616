package dev.reelforge.serve.deleterenderassets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.asset.DeleteRenderAssets;
import dev.reelforge.core.asset.DeleteRenderAssetsCommand;
import dev.reelforge.core.asset.DeleteRenderAssetsResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code DELETE /serve/{version}/assets/render/{id}}, a Reelforge extension of the Serve API: deletes every
 * hosted asset of one of the caller's renders and answers 204 (also when none was left to delete).
 */
public final class DeleteRenderAssetsFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final DeleteRenderAssets deleteRenderAssets;

    public DeleteRenderAssetsFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public DeleteRenderAssetsFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #DeleteRenderAssetsFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public DeleteRenderAssetsFunction(Map<String, String> environment, Clock clock) {
        this(wire(DeleteRenderAssetsSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1))));
    }

    public DeleteRenderAssetsFunction(DeleteRenderAssets deleteRenderAssets) {
        this.deleteRenderAssets = deleteRenderAssets;
    }

    private static DeleteRenderAssets wire(DeleteRenderAssetsSettings settings, Clock clock) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings.aws());
        return new DeleteRenderAssets(
                new DynamoDbRenders(dynamoDb, settings.rendersTable()),
                new DynamoDbAssets(dynamoDb, settings.assetsTable()),
                new S3HostedFiles(AwsClients.s3(settings.aws()), settings.hostingBucket(),
                        AwsClients.cloudFront(settings.aws()), settings.hostingDistributionId()),
                clock);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<DeleteRenderAssetsCommand> ok -> respond(deleteRenderAssets.delete(ok.value()));
            case Parsed.Rejected<DeleteRenderAssetsCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<DeleteRenderAssetsCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id")
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
