package dev.reelforge.shotstack.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.ingest.AddSource;
import dev.reelforge.core.ingest.AddSourceCommand;
import dev.reelforge.core.ingest.Source;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Caller;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.edit.ShotstackPriming;
import dev.reelforge.sources.GuardedCallbackUrlCheck;

/**
 * {@code POST /ingest/{version}/sources} (the contract's {@code Source}): the URL's form is checked now and the file
 * fetched later by the import flow; answers 201 {@code {"data":{"type":"source","id"}}}.
 */
public final class PostSourceFunction implements ProxyHandler {

    private final AddSource addSource;
    private final CallbackUrlCheck callbackCheck;

    public PostSourceFunction() {
        this(FunctionEnvironment.fromSystem());
        ShotstackPriming.register();
    }

    public PostSourceFunction(FunctionEnvironment environment) {
        this(new AddSource(DynamoDbTables.of(environment).sources(), environment.clock()),
                new GuardedCallbackUrlCheck(environment.requiredFlag("ALLOW_LOOPBACK_CALLBACKS")));
    }

    public PostSourceFunction(AddSource addSource, CallbackUrlCheck callbackCheck) {
        this.addSource = addSource;
        this.callbackCheck = callbackCheck;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IngestResponses.guard(event, context, () -> {
            ApiRequest request = new ApiRequest(event);
            return switch (request.caller()) {
                case Parsed.Rejected<Caller> rejected -> IngestResponses.problem(rejected.problem());
                case Parsed.Ok<Caller> caller -> switch (request.jsonBody(IngestRequests.MAX_BODY_BYTES)) {
                    case Parsed.Rejected<JsonNode> rejected -> IngestResponses.problem(rejected.problem());
                    case Parsed.Ok<JsonNode> body -> add(caller.value(), body.value());
                };
            };
        });
    }

    private APIGatewayProxyResponseEvent add(Caller caller, JsonNode body) {
        return switch (SourceRequest.read(body, true, callbackCheck)) {
            case SourceRequest.Reading.Invalid invalid ->
                    IngestResponses.problem(Problem.badRequest(invalid.violations()));
            case SourceRequest.Reading.Read read -> {
                Source source = addSource.add(new AddSourceCommand(caller.owner(), caller.environment(),
                        read.request().url().orElseThrow(), read.request().renditions(), read.request().callback()));
                yield IngestResponses.document(201, SourceJson.queued(source));
            }
        };
    }
}
