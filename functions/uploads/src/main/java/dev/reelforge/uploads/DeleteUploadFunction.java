package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3UploadFiles;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.upload.DeleteUpload;
import dev.reelforge.core.upload.UploadKind;
import dev.reelforge.core.upload.UploadLookup;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;

/**
 * {@code DELETE /me/photos/{id}}, {@code DELETE /me/musics/{id}}: removes the file and the item;
 * {@code {"message":"Photo deleted"}} (or {@code Music deleted}), or 404.
 */
public final class DeleteUploadFunction implements ProxyHandler {

    private final DeleteUpload deleteUpload;

    public DeleteUploadFunction() {
        this(FunctionEnvironment.fromSystem());
        UploadsPriming.register();
    }

    public DeleteUploadFunction(FunctionEnvironment environment) {
        this(new DeleteUpload(DynamoDbTables.of(environment).uploads(),
                S3UploadFiles.of(S3Buckets.of(environment), environment)));
    }

    public DeleteUploadFunction(DeleteUpload deleteUpload) {
        this.deleteUpload = deleteUpload;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            UploadLookup lookup = UploadRoutes.lookup(event);
            if (!deleteUpload.delete(lookup)) {
                return UploadRoutes.notFound(lookup.kind());
            }
            return PicovicoResponses.ok(Json.object().put("message",
                    (lookup.kind() == UploadKind.PHOTO ? "Photo" : "Music") + " deleted"));
        });
    }
}
