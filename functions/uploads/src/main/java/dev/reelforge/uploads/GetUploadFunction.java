package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.core.upload.GetUpload;
import dev.reelforge.core.upload.UploadLookup;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.net.URI;

/** {@code GET /me/photos/{id}}, {@code GET /me/musics/{id}}: the caller's photo or music, or 404. */
public final class GetUploadFunction implements ProxyHandler {

    private final GetUpload getUpload;
    private final URI cdnUrl;

    public GetUploadFunction() {
        this(FunctionEnvironment.fromSystem());
        UploadsPriming.register();
    }

    public GetUploadFunction(FunctionEnvironment environment) {
        this(new GetUpload(DynamoDbTables.of(environment).uploads(), environment.clock()), environment.requiredUri("CDN_URL"));
    }

    public GetUploadFunction(GetUpload getUpload, URI cdnUrl) {
        this.getUpload = getUpload;
        this.cdnUrl = cdnUrl;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            UploadLookup lookup = UploadRoutes.lookup(event);
            return getUpload.get(lookup).map(upload -> PicovicoResponses.ok(UploadJson.of(upload, cdnUrl)))
                    .orElseGet(() -> UploadRoutes.notFound(lookup.kind()));
        });
    }
}
