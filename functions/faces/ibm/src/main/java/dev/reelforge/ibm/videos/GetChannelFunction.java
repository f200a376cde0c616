package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.video.ChannelId;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmError;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code GET /channels/{id}.json}: {@code {"channel": {...}}} for the caller's channel in the token's environment
 * (where a video's {@code links.channel.href} points); any other id, another owner's channel included, is 404
 * {@code not_found}, as IBM answers a channel that does not exist.
 */
public final class GetChannelFunction implements ProxyHandler {

    private static final String SUFFIX = ".json";

    public GetChannelFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Nothing to wire: the channel is derived from the caller. */
    public GetChannelFunction(FunctionEnvironment environment) {}

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> {
            IbmRequest request = new IbmRequest(event);
            Caller caller = request.caller();
            String own = ChannelId.of(caller.owner(), caller.environment());
            if (!request.pathParameter("channel").filter((own + SUFFIX)::equals).isPresent()) {
                return IbmResponses.error(IbmError.notFound("no channel with this id is yours in the token's environment"));
            }
            return IbmResponses.ok(Json.object().set("channel", VideoJson.channel(caller.owner(), caller.environment())));
        });
    }
}
