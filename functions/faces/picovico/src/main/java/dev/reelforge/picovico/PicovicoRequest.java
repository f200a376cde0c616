package dev.reelforge.picovico;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.json.JsonDocument;
import dev.reelforge.runtime.http.BodyFields;
import dev.reelforge.runtime.http.ProxyRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts of an API Gateway proxy request that the Picovico handlers need, each as a {@link Parsed} value
 * whose rejection is a {@link PicovicoError} naming the offending field or header.
 */
public final class PicovicoRequest {

    /** The authorizer context's keys (AccessPairAuthorizerFunction writes them). */
    public static final String OWNER = "owner";
    public static final String ENVIRONMENT = "environment";
    public static final String APP_ID = "appId";

    private final ProxyRequest request;

    public PicovicoRequest(APIGatewayProxyRequestEvent event) {
        this.request = new ProxyRequest(event);
    }

    /** The caller the authorizer established; its absence is a misconfigured API, not a client mistake. */
    public Caller caller() {
        String owner = request.authorizerValue(OWNER).orElseThrow(() -> new MissingAuthorizerContextException(OWNER));
        Environment environment = request.authorizerValue(ENVIRONMENT).flatMap(Environment::fromPathName)
                .orElseThrow(() -> new MissingAuthorizerContextException(ENVIRONMENT));
        String appId = request.authorizerValue(APP_ID).orElseThrow(() -> new MissingAuthorizerContextException(APP_ID));
        return new Caller(owner, environment, appId);
    }

    /**
     * The body's fields, form-encoded ({@code application/x-www-form-urlencoded}, what Picovico's SDKs send and the
     * default when no Content-Type is sent) or a JSON object of strings, numbers and booleans; an empty body has no
     * fields. A field sent twice, a nested JSON value, a malformed escape or another media type is refused.
     */
    public Parsed<Map<String, String>> fields(int maxBytes) {
        return header("Content-Type").flatMap(contentType -> bodyText(maxBytes)
                .flatMap(text -> fieldsOf(text, contentType)));
    }

    /**
     * The body as one JSON object: form fields as strings (the SDKs post JSON in them; the reader parses those), or a
     * JSON object as sent, nested values included; an empty body is an empty object.
     */
    public Parsed<JsonNode> document(int maxBytes) {
        return header("Content-Type").flatMap(contentType -> bodyText(maxBytes).flatMap(text -> {
            if (!text.isEmpty() && BodyFields.mediaType(contentType).equals(BodyFields.JSON)) {
                return switch (JsonDocument.parse(text)) {
                    case JsonDocument.Malformed malformed -> Parsed.rejected(notJson(malformed.reason()));
                    case JsonDocument.Parsed parsed -> parsed.tree().isObject() ? Parsed.ok(parsed.tree())
                            : Parsed.rejected(PicovicoError.badRequest("the JSON body must be an object"));
                };
            }
            return fieldsOf(text, contentType).map(fields -> {
                ObjectNode object = Json.object();
                fields.forEach(object::put);
                return object;
            });
        }));
    }

    /**
     * The body's exact bytes (a file), refused with {@code tooLarge} when larger than {@code maxBytes}, before any is
     * decoded; an empty body is an empty array.
     */
    public Parsed<byte[]> bytes(int maxBytes, PicovicoError tooLarge) {
        return switch (request.bytes(maxBytes)) {
            case ProxyRequest.Bytes.Absent absent -> Parsed.ok(new byte[0]);
            case ProxyRequest.Bytes.Read read -> Parsed.ok(read.bytes());
            case ProxyRequest.Bytes.TooLarge tooLong -> Parsed.rejected(tooLarge);
            case ProxyRequest.Bytes.NotBase64 notBase64 ->
                    Parsed.rejected(PicovicoError.badRequest("the body is marked base64 but is not base64"));
        };
    }

    /** A header that may be sent at most once, when sent. */
    public Parsed<Optional<String>> header(String name) {
        return switch (request.singleHeader(name)) {
            case ProxyRequest.HeaderValue.Absent absent -> Parsed.ok(Optional.empty());
            case ProxyRequest.HeaderValue.One one -> Parsed.ok(Optional.of(one.value()));
            case ProxyRequest.HeaderValue.Repeated repeated ->
                    Parsed.rejected(PicovicoError.badRequest("the " + name + " header must be sent at most once"));
        };
    }

    /** A path parameter as given ({@code id}); absent is a misrouted request, answered as not found. */
    public String pathParameter(String name) {
        return request.pathParameter(name).orElse("");
    }

    public Optional<String> queryParameter(String name) {
        return request.queryParameter(name);
    }

    private Parsed<String> bodyText(int maxBytes) {
        return switch (request.body(maxBytes)) {
            case ProxyRequest.Body.Absent absent -> Parsed.ok("");
            case ProxyRequest.Body.Text text -> Parsed.ok(text.text());
            case ProxyRequest.Body.TooLarge tooLarge -> Parsed.rejected(PicovicoError.payloadTooLarge(tooLarge.maxBytes()));
            case ProxyRequest.Body.NotBase64 notBase64 ->
                    Parsed.rejected(PicovicoError.badRequest("the body is marked base64 but is not base64"));
            case ProxyRequest.Body.NotUtf8 notUtf8 ->
                    Parsed.rejected(PicovicoError.badRequest("the body is not valid UTF-8: " + notUtf8.where()));
        };
    }

    private static Parsed<Map<String, String>> fieldsOf(String text, Optional<String> contentType) {
        return switch (BodyFields.read(text, contentType)) {
            case BodyFields.Reading.Read read -> Parsed.ok(read.fields());
            case BodyFields.Reading.Refused refused -> Parsed.rejected(PicovicoError.badRequest(refused.problem()));
            case BodyFields.Reading.NotJson notJson -> Parsed.rejected(notJson(notJson.reason()));
        };
    }

    private static PicovicoError notJson(String reason) {
        return PicovicoError.badRequest("the body " + reason);
    }
}
