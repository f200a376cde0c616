package dev.reelforge.ibm.videos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.video.VideoAssets;
import dev.reelforge.core.video.download.RequestDownloadable;
import dev.reelforge.core.video.download.RequestDownloadableCommand;
import dev.reelforge.core.video.download.RequestDownloadableResult;
import dev.reelforge.ibm.IbmErrorMapper;
import dev.reelforge.ibm.IbmRequest;
import dev.reelforge.ibm.IbmResponses;
import dev.reelforge.ibm.Parsed;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code POST /videos/{video}/downloadable/{mp4.json|flv.json}} (seed 001, empty body): asks for the downloadable file
 * and answers at once, 200 in GET's shape: {@code pending} for a new request (the videos flow makes the file from the
 * table's stream; this function writes the record only, DynamoDB-only like every API function), or the same answer
 * as before while it is pending or available: a second request changes nothing. After it expired or failed, a
 * request starts a new file. Errors as GET's.
 */
public final class RequestDownloadableFunction implements ProxyHandler {

    private final RequestDownloadable requestDownloadable;

    public RequestDownloadableFunction() {
        this(FunctionEnvironment.fromSystem());
        IbmPriming.register();
    }

    /** Wires the real parts from the function's environment; the embedded stack passes each function its own. */
    public RequestDownloadableFunction(FunctionEnvironment environment) {
        this(wire(DynamoDbTables.of(environment), environment));
    }

    public RequestDownloadableFunction(RequestDownloadable requestDownloadable) {
        this.requestDownloadable = requestDownloadable;
    }

    private static RequestDownloadable wire(DynamoDbTables tables, FunctionEnvironment environment) {
        return new RequestDownloadable(new VideoAssets(tables.assets()), tables.downloadables(), environment.clock());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return IbmErrorMapper.guard(event, context, () -> switch (DownloadableRequest.parse(new IbmRequest(event))) {
            case Parsed.Ok<DownloadableRequest> ok -> respond(requestDownloadable.request(new RequestDownloadableCommand(
                    ok.value().caller().owner(), ok.value().caller().environment(), ok.value().videoId(),
                    ok.value().format())));
            case Parsed.Rejected<DownloadableRequest> rejected -> IbmResponses.error(rejected.error());
        });
    }

    private static APIGatewayProxyResponseEvent respond(RequestDownloadableResult result) {
        return switch (result) {
            case RequestDownloadableResult.Requested requested -> IbmResponses.ok(DownloadableJson.of(requested.view()));
            case RequestDownloadableResult.Unchanged unchanged -> IbmResponses.ok(DownloadableJson.of(unchanged.view()));
            case RequestDownloadableResult.NoSuchVideo none -> IbmResponses.error(DownloadableRequest.noSuchVideo());
        };
    }
}
