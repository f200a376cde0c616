package dev.reelforge.shotstack.edit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.destination.BucketGrants;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.render.EditChecks;
import dev.reelforge.core.render.IdempotencyKey;
import dev.reelforge.core.render.SubmitRender;
import dev.reelforge.core.render.SubmitRenderCommand;
import dev.reelforge.core.render.SubmitRenderResult;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.runtime.log.LogEvent;
import dev.reelforge.runtime.log.StructuredLog;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.shotstack.ShotstackErrorMapper;
import dev.reelforge.shotstack.ShotstackResponses;
import dev.reelforge.sources.GuardedCallbackUrlCheck;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /edit/{version}/render}: validates the edit and queues it as a render. An {@code Idempotency-Key}
 * header (a Reelforge extension, Stripe's semantics) makes retries safe: see {@link SubmitRender}.
 */
public final class SubmitRenderFunction implements ProxyHandler {

    /** Keeps a stored render, edit included, well inside DynamoDB's 400 KB item limit. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final SubmitRender submitRender;

    public SubmitRenderFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public SubmitRenderFunction(FunctionEnvironment environment) {
        this(submitRender(DynamoDbTables.of(environment), environment));
    }

    public SubmitRenderFunction(SubmitRender submitRender) {
        this.submitRender = submitRender;
    }

    /** The use case, wired as this function wires it; a template render submits through the same. */
    static SubmitRender submitRender(DynamoDbTables tables, FunctionEnvironment environment) {
        return new SubmitRender(tables.renders(), tables.idempotencyKeys(), new EditChecks(new EditValidator(),
                new GuardedCallbackUrlCheck(environment.requiredFlag("ALLOW_LOOPBACK_CALLBACKS")),
                environment.optional("S3_DESTINATION_GRANTS").map(BucketGrants::parse).orElse(BucketGrants.NONE)),
                environment.clock(), UUID::randomUUID);
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
        return request.caller().flatMap(caller -> idempotencyKey(request).flatMap(key ->
                request.jsonBody(MAX_BODY_BYTES).map(edit ->
                        new SubmitRenderCommand(caller.owner(), caller.environment(), edit, key))));
    }

    /** The request's {@code Idempotency-Key}, if it sent one; a template render reads it the same way. */
    static Parsed<Optional<IdempotencyKey>> idempotencyKey(ApiRequest request) {
        return request.singleHeader(IDEMPOTENCY_KEY_HEADER).flatMap(value -> {
            if (value.isEmpty()) {
                return Parsed.ok(Optional.empty());
            }
            if (!IdempotencyKey.isWellFormed(value.get())) {
                return Parsed.rejected(Problem.badRequest(JsonPath.of(IDEMPOTENCY_KEY_HEADER),
                        "must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters"));
            }
            return Parsed.ok(Optional.of(new IdempotencyKey(value.get())));
        });
    }

    /** Logs {@code render.submitted} on {@code line}, then answers; a template render answers the same way. */
    static APIGatewayProxyResponseEvent respond(SubmitRenderResult result, LogEvent line) {
        return switch (result) {
            case SubmitRenderResult.Queued queued -> {
                line.render(queued.id()).outcome("queued").info();
                yield ShotstackResponses.created(RenderJson.queued(queued.id()));
            }
            case SubmitRenderResult.Replayed replayed -> {
                line.render(replayed.id()).outcome("replayed").info();
                yield ShotstackResponses.createdAgain(RenderJson.queued(replayed.id()));
            }
            case SubmitRenderResult.KeyReused reused -> {
                line.outcome("key_reused").info();
                yield ShotstackResponses.problem(Problem.conflict(JsonPath.of(IDEMPOTENCY_KEY_HEADER),
                        "was used in the last " + SubmitRender.KEY_LIFETIME.toHours()
                                + " hours with another request body"));
            }
            case SubmitRenderResult.Invalid invalid -> {
                line.outcome("invalid").field("violations", invalid.violations().size()).info();
                yield ShotstackResponses.problem(Problem.badRequest(invalid.violations()));
            }
        };
    }
}
