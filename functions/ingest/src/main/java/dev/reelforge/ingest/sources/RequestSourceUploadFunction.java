package dev.reelforge.ingest.sources;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3SourceFiles;
import dev.reelforge.core.callback.CallbackUrlCheck;
import dev.reelforge.core.ingest.RequestSourceUpload;
import dev.reelforge.core.ingest.RequestSourceUploadCommand;
import dev.reelforge.core.json.Json;
import dev.reelforge.ingest.IngestPriming;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import dev.reelforge.shotstack.ApiRequest;
import dev.reelforge.shotstack.Caller;
import dev.reelforge.shotstack.Parsed;
import dev.reelforge.shotstack.Problem;
import dev.reelforge.shotstack.ingest.IngestRequests;
import dev.reelforge.shotstack.ingest.IngestResponses;
import dev.reelforge.shotstack.ingest.SourceRequest;
import dev.reelforge.shotstack.RenderJson;
import dev.reelforge.sources.GuardedCallbackUrlCheck;

/**
 * {@code POST /ingest/{version}/upload} (the contract's direct upload): answers 200 {@code {"data":{"type":"upload",
 * "id","attributes":{"id","url","expires"}}}}; PUT the file to {@code url} within the hour ({@code curl -X PUT -T
 * video.mp4 <url>}), and the source {@code id} is imported once it arrives. The SDK sends no body; a body may ask for
 * {@code outputs}, {@code destinations} and {@code callback} as a fetched source does (Reelforge's extension).
 */
public final class RequestSourceUploadFunction implements ProxyHandler {

    private final RequestSourceUpload requestUpload;
    private final CallbackUrlCheck callbackCheck;

    public RequestSourceUploadFunction() {
        this(FunctionEnvironment.fromSystem());
        IngestPriming.register();
    }

    public RequestSourceUploadFunction(FunctionEnvironment environment) {
        this(new RequestSourceUpload(DynamoDbTables.of(environment).sources(),
                        S3SourceFiles.of(S3Buckets.of(environment), environment), environment.clock()),
                new GuardedCallbackUrlCheck(environment.requiredFlag("ALLOW_LOOPBACK_CALLBACKS")));
    }

    public RequestSourceUploadFunction(RequestSourceUpload requestUpload, CallbackUrlCheck callbackCheck) {
        this.requestUpload = requestUpload;
        this.callbackCheck = callbackCheck;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IngestResponses.guard(event, context, () -> switch (new ApiRequest(event).caller()) {
            case Parsed.Rejected<Caller> rejected -> IngestResponses.problem(rejected.problem());
            case Parsed.Ok<Caller> caller -> switch (IngestRequests.optionalJsonBody(event)) {
                case Parsed.Rejected<JsonNode> rejected -> IngestResponses.problem(rejected.problem());
                case Parsed.Ok<JsonNode> body -> request(caller.value(), body.value());
            };
        });
    }

    private APIGatewayProxyResponseEvent request(Caller caller, JsonNode body) {
        return switch (SourceRequest.read(body, false, callbackCheck)) {
            case SourceRequest.Reading.Invalid invalid ->
                    IngestResponses.problem(Problem.badRequest(invalid.violations()));
            case SourceRequest.Reading.Read read -> {
                RequestSourceUpload.Requested requested = requestUpload.request(new RequestSourceUploadCommand(
                        caller.owner(), caller.environment(), read.request().renditions(), read.request().callback()));
                String id = requested.source().id().toString();
                ObjectNode document = Json.object();
                ObjectNode data = document.putObject("data").put("type", "upload").put("id", id);
                data.putObject("attributes").put("id", id).put("url", requested.target().url().toString())
                        .put("expires", RenderJson.timestamp(requested.target().expires()));
                yield IngestResponses.document(200, document).withHeaders(java.util.Map.of(
                        "Content-Type", "application/json", "Cache-Control", "no-store"));
            }
        };
    }
}
