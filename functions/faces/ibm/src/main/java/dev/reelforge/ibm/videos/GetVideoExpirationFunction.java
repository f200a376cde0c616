package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.video.GetExpiration;
import dev.reelforge.core.video.GetExpirationCommand;
import dev.reelforge.core.video.GetExpirationResult;
import dev.reelforge.ibm.Caller;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code GET /videos/{id}/expiration.json}: {@code {"expiration": {"rule": "never"}}} or
 * {@code {"expiration": {"rule": "at_given_time", "expires_at": <Unix seconds>}}}. 403 {@code forbidden} when the
 * caller's client may not manage expiration (whatever the video), 403 {@code lack_of_ownership} for another owner's
 * video, 404 {@code not_found} for an unknown, deleted, expired or other-environment one.
 */
public final class GetVideoExpirationFunction implements ProxyHandler {

    private final GetExpiration getExpiration;

    public GetVideoExpirationFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetVideoExpirationFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment)));
    }

    public GetVideoExpirationFunction(GetExpiration getExpiration) {
        this.getExpiration = getExpiration;
    }

    private static GetExpiration wire(DynamoDbTables tables) {
        return new GetExpiration(tables.videos(), tables.assets());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (parse(new IbmRequest(event))) {
            case Parsed.Ok<GetExpirationCommand> ok -> switch (getExpiration.get(ok.value())) {
                case GetExpirationResult.Found found -> IbmResponses.ok(VideoJson.expiration(found.rule()));
                case GetExpirationResult.Forbidden forbidden -> IbmResponses.error(VideoErrors.expirationForbidden());
                case GetExpirationResult.NotYours notYours -> IbmResponses.error(VideoErrors.notYours());
                case GetExpirationResult.NotFound notFound -> IbmResponses.error(VideoErrors.notFound());
            };
            case Parsed.Rejected<GetExpirationCommand> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static Parsed<GetExpirationCommand> parse(IbmRequest request) {
        Caller caller = request.caller();
        if (!caller.managesExpiration()) {
            return Parsed.rejected(VideoErrors.expirationForbidden());
        }
        return request.videoId("video", "").map(id -> new GetExpirationCommand(caller.owner(), caller.environment(),
                caller.managesExpiration(), id));
    }
}
