package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.template.RenderTemplate;
import dev.reelforge.core.template.RenderTemplateCommand;
import dev.reelforge.core.template.RenderTemplateResult;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;

/**
 * {@code POST /edit/{version}/templates/render}: renders one of the caller's templates with the request's merge
 * fields, submitted as an edit is ({@link SubmitRenderFunction}: the same checks, answers and {@code Idempotency-Key}).
 */
public final class RenderTemplateFunction implements ProxyHandler {

    private final RenderTemplate renderTemplate;

    public RenderTemplateFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RenderTemplateFunction(FunctionEnvironment environment) {
        this(renderTemplate(DynamoDbTables.of(environment), environment));
    }

    private static RenderTemplate renderTemplate(DynamoDbTables tables, FunctionEnvironment environment) {
        return new RenderTemplate(tables.templates(), SubmitRenderFunction.submitRender(tables, environment));
    }

    public RenderTemplateFunction(RenderTemplate renderTemplate) {
        this.renderTemplate = renderTemplate;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ShotstackErrorMapper.guard(event, context, () -> switch (parse(new ApiRequest(event))) {
            case Parsed.Ok<RenderTemplateCommand> ok -> switch (renderTemplate.render(ok.value())) {
                case RenderTemplateResult.Submitted submitted -> SubmitRenderFunction.respond(submitted.submitted(),
                        StructuredLog.of(context).event("render.submitted").owner(ok.value().owner())
                                .field("template", ok.value().body().path("id").asText()));
                case RenderTemplateResult.Invalid invalid ->
                        ShotstackResponses.problem(Problem.badRequest(invalid.violations()));
                case RenderTemplateResult.NotFound notFound -> TemplateResponses.notFound();
            };
            case Parsed.Rejected<RenderTemplateCommand> rejected -> ShotstackResponses.problem(rejected.problem());
        });
    }

    private static Parsed<RenderTemplateCommand> parse(ApiRequest request) {
        return request.caller().flatMap(caller -> SubmitRenderFunction.idempotencyKey(request).flatMap(key ->
                request.jsonBody(SubmitRenderFunction.MAX_BODY_BYTES).map(body ->
                        new RenderTemplateCommand(caller.owner(), caller.environment(), body, key))));
    }
}
