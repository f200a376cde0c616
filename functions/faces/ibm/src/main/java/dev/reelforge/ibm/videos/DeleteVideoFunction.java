package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.DeleteVideo;
import dev.reelforge.core.video.DeleteVideoCommand;
import dev.reelforge.core.video.DeleteVideoResult;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code DELETE /videos/{id}.json}: deletes one of the caller's videos, its asset exactly as the Serve API deletes one
 * (the asset becomes {@code deleted}; the hosting flow removes the file and invalidates the CDN within seconds), and
 * answers 200 {@code {}}. Another owner's video is 403 {@code lack_of_ownership} (IBM documents it for this route);
 * an unknown, other-environment or already deleted video is 404 {@code not_found}.
 */
public final class DeleteVideoFunction implements ProxyHandler {

    private final DeleteVideo deleteVideo;

    public DeleteVideoFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public DeleteVideoFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public DeleteVideoFunction(DeleteVideo deleteVideo) {
        this.deleteVideo = deleteVideo;
    }

    private static DeleteVideo wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new DeleteVideo(tables.videos(), tables.assets(), environment.clock());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (parse(new IbmRequest(event))) {
            case Parsed.Ok<DeleteVideoCommand> ok -> switch (deleteVideo.delete(ok.value())) {
                case DeleteVideoResult.Deleted deleted -> IbmResponses.ok(Json.object());
                case DeleteVideoResult.NotYours notYours -> IbmResponses.error(VideoErrors.notYours());
                case DeleteVideoResult.NotFound notFound -> IbmResponses.error(VideoErrors.notFound());
            };
            case Parsed.Rejected<DeleteVideoCommand> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static Parsed<DeleteVideoCommand> parse(IbmRequest request) {
        Caller caller = request.caller();
        return request.videoId("video", ".json")
                .map(id -> new DeleteVideoCommand(caller.owner(), caller.environment(), id));
    }
}
