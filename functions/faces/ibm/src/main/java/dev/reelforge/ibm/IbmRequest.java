package dev.reelforge.ibm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.reelforge.core.Environment;
import dev.reelforge.runtime.http.BodyFields;
import dev.reelforge.runtime.http.ProxyRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the parts of an API Gateway proxy request that the IBM handlers need, each as a {@link Parsed} value whose
 * rejection is an {@link IbmError} naming the offending field, header or path part.
 */
public final class IbmRequest {

    /** The authorizer context's keys (BearerTokenAuthorizerFunction writes them). */
    public static final String OWNER = "owner";
    public static final String ENVIRONMENT = "environment";
    public static final String CLIENT_ID = "clientId";
    public static final String MANAGES_EXPIRATION = "managesExpiration";

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ProxyRequest request;

    public IbmRequest(APIGatewayProxyRequestEvent event) {
        this.request = new ProxyRequest(event);
    }

    /** The caller the authorizer established; its absence is a misconfigured API, not a client mistake. */
    public Caller caller() {
        String owner = request.authorizerValue(OWNER).orElseThrow(() -> new MissingAuthorizerContextException(OWNER));
        Environment environment = request.authorizerValue(ENVIRONMENT).flatMap(Environment::fromPathName)
                .orElseThrow(() -> new MissingAuthorizerContextException(ENVIRONMENT));
        String clientId = request.authorizerValue(CLIENT_ID)
                .orElseThrow(() -> new MissingAuthorizerContextException(CLIENT_ID));
        boolean managesExpiration = request.authorizerValue(MANAGES_EXPIRATION).map(Boolean::parseBoolean)
                .orElse(false);
        return new Caller(owner, environment, clientId, managesExpiration);
    }

    /**
     * A video id from a path parameter that holds it followed by {@code suffix} ({@code {video}} is {@code <id>.json}
     * in {@code /videos/{video}}: API Gateway's path parameters take whole segments). Anything else names no video:
     * 404 {@code not_found}, as for an unknown id.
     */
    public Parsed<UUID> videoId(String parameter, String suffix) {
        return request.pathParameter(parameter)
                .filter(value -> value.endsWith(suffix))
                .map(value -> value.substring(0, value.length() - suffix.length()))
                .filter(id -> UUID_FORMAT.matcher(id).matches())
                .<Parsed<UUID>>map(id -> Parsed.ok(UUID.fromString(id)))
                .orElseGet(() -> Parsed.rejected(IbmError.notFound("the path names no video")));
    }

    public Optional<String> pathParameter(String name) {
        return request.pathParameter(name);
    }

    public Optional<String> queryParameter(String name) {
        return request.queryParameter(name);
    }

    /** The value of a header that may be sent at most once; a repeated one is refused with {@code error}. */
    public Parsed<Optional<String>> singleHeader(String name, String error) {
        return switch (request.singleHeader(name)) {
            case ProxyRequest.HeaderValue.Absent absent -> Parsed.ok(Optional.empty());
            case ProxyRequest.HeaderValue.One one -> Parsed.ok(Optional.of(one.value()));
            case ProxyRequest.HeaderValue.Repeated repeated ->
                    Parsed.rejected(IbmError.badRequest(error, "the " + name + " header must be sent at most once"));
        };
    }

    /**
     * The body's fields, form-encoded ({@code application/x-www-form-urlencoded}, the default when no Content-Type
     * is sent) or a JSON object of strings, numbers and booleans; an empty body has no fields. A field sent twice, a
     * nested JSON value, a malformed escape or another media type is refused with {@code error} (IBM's value for the
     * route: {@code invalid_request} on the token endpoint, {@code bad_request} elsewhere).
     */
    public Parsed<Map<String, String>> fields(int maxBytes, String error) {
        return singleHeader("Content-Type", error).flatMap(contentType -> bodyText(maxBytes, error)
                .flatMap(text -> switch (BodyFields.read(text, contentType)) {
                    case BodyFields.Reading.Read read -> Parsed.ok(read.fields());
                    case BodyFields.Reading.Refused refused ->
                            Parsed.rejected(IbmError.badRequest(error, refused.problem()));
                    case BodyFields.Reading.NotJson notJson ->
                            Parsed.rejected(IbmError.badRequest(error, "the body is not JSON: " + notJson.reason()));
                }));
    }

    private Parsed<String> bodyText(int maxBytes, String error) {
        return switch (request.body(maxBytes)) {
            case ProxyRequest.Body.Absent absent -> Parsed.ok("");
            case ProxyRequest.Body.Text text -> Parsed.ok(text.text());
            case ProxyRequest.Body.TooLarge tooLarge -> Parsed.rejected(IbmError.payloadTooLarge(tooLarge.maxBytes()));
            case ProxyRequest.Body.NotBase64 notBase64 ->
                    Parsed.rejected(IbmError.badRequest(error, "the body is marked base64 but is not base64"));
            case ProxyRequest.Body.NotUtf8 notUtf8 ->
                    Parsed.rejected(IbmError.badRequest(error, "the body is not valid UTF-8: " + notUtf8.where()));
        };
    }
}
