package dev.reelforge.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3UploadFiles;
import dev.reelforge.core.upload.RequestUpload;
import dev.reelforge.core.upload.RequestUploadCommand;
import dev.reelforge.core.upload.RequestUploadResult;
import dev.reelforge.core.upload.UploadFormat;
import dev.reelforge.core.upload.UploadKind;
import dev.reelforge.core.upload.UploadLimits;
import dev.reelforge.picovico.Caller;
import dev.reelforge.picovico.Parsed;
import dev.reelforge.picovico.PicovicoError;
import dev.reelforge.picovico.PicovicoErrorMapper;
import dev.reelforge.picovico.PicovicoRequest;
import dev.reelforge.picovico.PicovicoResponses;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.BodyFields;
import dev.reelforge.runtime.http.ProxyHandler;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /me/uploads} (Reelforge's extension for files too large for a request through API Gateway and Lambda):
 * {@code kind} ({@code photo} or {@code music}), {@code content_type}, {@code size} (bytes, at most 25 MB) answer
 * {@code {"id","upload_url","method":"PUT","headers":{...},"expires","url","status":"pending"}}: PUT the file's exact
 * bytes to {@code upload_url} with those headers before {@code expires} (Unix seconds); it is checked once written,
 * and {@code GET /me/photos/{id}} (or musics) shows it ready or failed.
 */
public final class RequestUploadFunction implements ProxyHandler {

    private static final Set<String> FIELDS = Set.of("kind", "content_type", "size");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,12}");
    private static final int MAX_FIELDS_BYTES = 4 * 1024;

    private final RequestUpload requestUpload;
    private final URI cdnUrl;

    public RequestUploadFunction() {
        this(FunctionEnvironment.fromSystem());
        UploadsPriming.register();
    }

    public RequestUploadFunction(FunctionEnvironment environment) {
        this(new RequestUpload(DynamoDbTables.of(environment).uploads(),
                S3UploadFiles.of(S3Buckets.of(environment), environment), environment.clock(), new SecureRandom()),
                environment.requiredUri("CDN_URL"));
    }

    public RequestUploadFunction(RequestUpload requestUpload, URI cdnUrl) {
        this.requestUpload = requestUpload;
        this.cdnUrl = cdnUrl;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return PicovicoErrorMapper.guard(event, context, () -> {
            PicovicoRequest request = new PicovicoRequest(event);
            Caller caller = request.caller();
            return switch (request.fields(MAX_FIELDS_BYTES)) {
                case Parsed.Rejected<Map<String, String>> rejected ->
                        PicovicoResponses.error(rejected.error());
                case Parsed.Ok<Map<String, String>> ok -> answer(caller, ok.value());
            };
        });
    }

    private APIGatewayProxyResponseEvent answer(Caller caller, Map<String, String> fields) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                return bad("The field " + BodyFields.quoted(name)
                        + " is not one this route takes (kind, content_type, size).");
            }
        }
        Optional<UploadKind> kind = Optional.ofNullable(fields.get("kind")).flatMap(UploadKind::fromWireName);
        if (kind.isEmpty()) {
            return bad("The field \"kind\" is required: photo or music.");
        }
        String contentType = fields.get("content_type");
        Optional<UploadFormat> format = contentType == null ? Optional.empty()
                : UploadFormat.ofMediaType(kind.get(), contentType);
        if (format.isEmpty()) {
            return bad("The field \"content_type\" is required: one of " + UploadFormat.mediaTypes(kind.get()) + ".");
        }
        String size = fields.get("size");
        if (size == null || !SIZE.matcher(size).matches()) {
            return bad("The field \"size\" is required: the file's size in bytes, at most " + UploadLimits.MAX_BYTES
                    + ".");
        }
        return switch (requestUpload.request(new RequestUploadCommand(caller.owner(), caller.environment(),
                format.get(), Long.parseLong(size)))) {
            case RequestUploadResult.Refused refused -> bad(Character.toUpperCase(refused.reason().charAt(0))
                    + refused.reason().substring(1) + ".");
            case RequestUploadResult.Requested requested -> {
                ObjectNode body = UploadJson.of(requested.upload(), cdnUrl);
                body.put("upload_url", requested.target().url().toString()).put("method", "PUT");
                ObjectNode headers = body.putObject("headers");
                requested.target().headers().forEach(headers::put);
                body.put("expires", requested.target().expires().getEpochSecond());
                yield PicovicoResponses.okNoStore(body);
            }
        };
    }

    private static APIGatewayProxyResponseEvent bad(String message) {
        return PicovicoResponses.error(PicovicoError.badRequest(message));
    }
}
