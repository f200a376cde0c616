package dev.reelforge.edit.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.config.EnvironmentVariables;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.render.SubmitRender;
import dev.reelforge.core.render.SubmitRenderCommand;
import dev.reelforge.core.render.SubmitRenderResult;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.sources.GuardedCallbackUrlCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** {@code POST /edit/{version}/render}: validates the edit and queues it as a render. */
public final class SubmitRenderFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** Keeps a stored render, edit included, well inside DynamoDB's 400 KB item limit. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final SubmitRender submitRender;

    public SubmitRenderFunction() {
        this(System.getenv());
    }

    /** Wires the real parts from the given environment variables; the embedded stack passes each function its own. */
    public SubmitRenderFunction(Map<String, String> environment) {
        this(environment, Clock.systemUTC());
    }

    /** As {@link #SubmitRenderFunction(Map)}, telling time by {@code clock}: the embedded stack's is controllable. */
    public SubmitRenderFunction(Map<String, String> environment, Clock clock) {
        this(wire(SubmitRenderSettings.from(new EnvironmentVariables(environment)), Clock.tick(clock, Duration.ofMillis(1))));
    }

    public SubmitRenderFunction(SubmitRender submitRender) {
        this.submitRender = submitRender;
    }

    private static SubmitRender wire(SubmitRenderSettings settings, Clock clock) {
        return new SubmitRender(
                new DynamoDbRenders(AwsClients.dynamoDb(settings.aws()), settings.rendersTable()),
                new EditValidator(),
                new GuardedCallbackUrlCheck(settings.allowLoopbackCallbacks()),
                clock,
                UUID::randomUUID);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<SubmitRenderCommand> ok -> respond(submitRender.submit(ok.value()));
            case Parsed.Rejected<SubmitRenderCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<SubmitRenderCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.jsonBody(MAX_BODY_BYTES)
                .map(edit -> new SubmitRenderCommand(caller.owner(), caller.environment(), edit)));
    }

    private static APIGatewayProxyResponseEvent respond(SubmitRenderResult result) {
        return switch (result) {
            case SubmitRenderResult.Queued queued -> ShotstackResponses.created(RenderJson.queued(queued.id()));
            case SubmitRenderResult.Invalid invalid ->
                    ShotstackResponses.problem(Problem.badRequest(invalid.violations()));
        };
    }
}
