package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.render.SubmitRender;
import dev.reelforge.core.render.SubmitRenderCommand;
import dev.reelforge.core.render.SubmitRenderResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.sources.GuardedCallbackUrlCheck;
import java.util.UUID;

/** {@code POST /edit/{version}/render}: validates the edit and queues it as a render. */
public final class SubmitRenderFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** Keeps a stored render, edit included, well inside DynamoDB's 400 KB item limit. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final SubmitRender submitRender;

    public SubmitRenderFunction() {
        this(FunctionEnvironment.fromSystem());
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public SubmitRenderFunction(FunctionEnvironment environment) {
        this(new SubmitRender(DynamoDbTables.of(environment).renders(), new EditValidator(),
                new GuardedCallbackUrlCheck(environment.requiredFlag("ALLOW_LOOPBACK_CALLBACKS")), environment.clock(),
                UUID::randomUUID));
    }

    public SubmitRenderFunction(SubmitRender submitRender) {
        this.submitRender = submitRender;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<SubmitRenderCommand> ok -> respond(submitRender.submit(ok.value()),
                    StructuredLog.of(context).event("render.submitted").owner(ok.value().owner()));
            case Parsed.Rejected<SubmitRenderCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<SubmitRenderCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.jsonBody(MAX_BODY_BYTES)
                .map(edit -> new SubmitRenderCommand(caller.owner(), caller.environment(), edit)));
    }

    /** Logs {@code render.submitted} on {@code line}, then answers. */
    private static APIGatewayProxyResponseEvent respond(SubmitRenderResult result, LogEvent line) {
        return switch (result) {
            case SubmitRenderResult.Queued queued -> {
                line.render(queued.id()).outcome("queued").info();
                yield ShotstackResponses.created(RenderJson.queued(queued.id()));
            }
            case SubmitRenderResult.Invalid invalid -> {
                line.outcome("invalid").field("violations", invalid.violations().size()).info();
                yield ShotstackResponses.problem(Problem.badRequest(invalid.violations()));
            }
        };
    }
}
