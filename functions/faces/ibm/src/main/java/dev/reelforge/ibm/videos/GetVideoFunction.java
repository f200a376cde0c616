package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.GetVideo;
import dev.reelforge.core.video.GetVideoCommand;
import dev.reelforge.core.video.GetVideoResult;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code GET /videos/{id}.json}: {@code {"video": {...}}} for one of the caller's videos ({@link VideoJson}); 404
 * {@code not_found} for an unknown, deleted, expired or other-environment video and for another owner's (IBM
 * documents only {@code not_found} here).
 */
public final class GetVideoFunction implements ProxyHandler {

    private final GetVideo getVideo;

    public GetVideoFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetVideoFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment)));
    }

    public GetVideoFunction(GetVideo getVideo) {
        this.getVideo = getVideo;
    }

    static GetVideo wire(DynamoDbTables tables) {
        return new GetVideo(tables.videos(), tables.assets(), tables.renders());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (parse(new IbmRequest(event))) {
            case Parsed.Ok<GetVideoCommand> ok -> switch (getVideo.get(ok.value())) {
                case GetVideoResult.Found found -> IbmResponses.ok(
                        Json.object().set("video", VideoJson.video(found.video(), ApiLinks.base(event))));
                case GetVideoResult.NotFound notFound -> IbmResponses.error(VideoErrors.notFound());
            };
            case Parsed.Rejected<GetVideoCommand> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static Parsed<GetVideoCommand> parse(IbmRequest request) {
        Caller caller = request.caller();
        return request.videoId("video", ".json")
                .map(id -> new GetVideoCommand(caller.owner(), caller.environment(), id));
    }
}
