package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.video.VideoAssets;
import dev.reelforge.core.video.download.GetDownloadable;
import dev.reelforge.core.video.download.GetDownloadableCommand;
import dev.reelforge.core.video.download.GetDownloadableResult;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code GET /videos/{video}/downloadable/{mp4.json|flv.json}} (seed 001): the downloadable file of one of the
 * caller's videos, {@code available} with its signed URL and {@code expires_at}, {@code pending} while it is made,
 * {@code unavailable} before any request and after it expired; 404 {@code not_found} for a video that is not the
 * caller's (another owner's, another environment's, deleted, unknown) and for another format.
 */
public final class GetDownloadableFunction implements ProxyHandler {

    private final GetDownloadable getDownloadable;

    public GetDownloadableFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public GetDownloadableFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public GetDownloadableFunction(GetDownloadable getDownloadable) {
        this.getDownloadable = getDownloadable;
    }

    private static GetDownloadable wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new GetDownloadable(new VideoAssets(tables.assets()), tables.downloadables(), environment.clock());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (DownloadableRequest.parse(new IbmRequest(event))) {
            case Parsed.Ok<DownloadableRequest> ok -> respond(getDownloadable.get(new GetDownloadableCommand(
                    ok.value().caller().owner(), ok.value().caller().environment(), ok.value().videoId(),
                    ok.value().format())));
            case Parsed.Rejected<DownloadableRequest> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static APIGatewayProxyResponseEvent respond(GetDownloadableResult result) {
        return switch (result) {
            case GetDownloadableResult.Shown shown -> IbmResponses.ok(DownloadableJson.of(shown.view()));
            case GetDownloadableResult.NoSuchVideo none -> IbmResponses.error(DownloadableRequest.noSuchVideo());
        };
    }
}
