package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.render.CancelRender;
import dev.reelforge.core.render.CancelRenderCommand;
import dev.reelforge.core.render.CancelRenderResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;

/**
 * {@code DELETE /edit/{version}/render/{id}} (a Reelforge extension of the Edit API): cancels one of the caller's
 * renders that has not finished. It answers 202 with the render's status as {@code GET} shows it ({@code failed},
 * error {@code cancelled}) while the pipeline stops its work and removes what it wrote; again 202 when the render
 * was cancelled before; 409 when it had already finished; 404 like {@code GET} for a render the caller does not
 * have.
 */
public final class CancelRenderFunction implements ProxyHandler {

    private final CancelRender cancelRender;

    public CancelRenderFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public CancelRenderFunction(FunctionEnvironment environment) {
        this(new CancelRender(DynamoDbTables.of(environment).renders(), environment.clock()));
    }

    public CancelRenderFunction(CancelRender cancelRender) {
        this.cancelRender = cancelRender;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<CancelRenderCommand> ok -> respond(cancelRender.cancel(ok.value()));
            case Parsed.Rejected<CancelRenderCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<CancelRenderCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> request.uuidPathParameter("id")
                .map(id -> new CancelRenderCommand(caller.owner(), caller.environment(), id)));
    }

    private static APIGatewayProxyResponseEvent respond(CancelRenderResult result) {
        return switch (result) {
            case CancelRenderResult.Cancelled cancelled ->
                    ShotstackResponses.accepted(RenderJson.status(cancelled.render(), false, false));
            case CancelRenderResult.AlreadyFinished finished -> ShotstackResponses.problem(Problem.conflict(
                    JsonPath.of("id"), "names a render that has already finished ("
                            + finished.render().status().wireName() + ") and can no longer be cancelled"));
            case CancelRenderResult.NotFound notFound ->
                    ShotstackResponses.problem(Problem.notFound(JsonPath.of("id"), "matches no render"));
        };
    }
}
