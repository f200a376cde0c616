package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.JsonDocument;
import dev.reelforge.core.transfer.TransferGroup;
import dev.reelforge.core.validation.JsonPath;
import dev.reelforge.runtime.http.ProxyRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the parts of an API Gateway proxy request that the Shotstack handlers need, each as a
 * {@link Parsed} value that names the offending parameter when it is wrong.
 */
public final class ApiRequest {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ProxyRequest request;

    public ApiRequest(APIGatewayProxyRequestEvent event) {
        this.request = new ProxyRequest(event);
    }

    /** The owner the authorizer put in the request context, and the environment of the path's version. */
    public Parsed<Caller> caller() {
        String owner = request.authorizerValue("owner").orElseThrow(MissingAuthorizerContextException::new);
        return request.pathParameter("version").flatMap(Environment::fromPathName)
                .<Parsed<Caller>>map(environment -> Parsed.ok(new Caller(owner, environment)))
                .orElseGet(() -> Parsed.rejected(Problem.notFound(JsonPath.of("version"),
                        "must be one of: stage, v1")));
    }

    public Parsed<UUID> uuidPathParameter(String name) {
        return request.pathParameter(name).filter(value -> UUID_FORMAT.matcher(value).matches())
                .<Parsed<UUID>>map(value -> Parsed.ok(UUID.fromString(value)))
                .orElseGet(() -> Parsed.rejected(Problem.badRequest(JsonPath.of(name), "must be a UUID")));
    }

    /**
     * A render id, or the {@code id} a client gave its Serve transfers, standing for their group
     * ({@link TransferGroup}): the assets listed or deleted by {@code /serve/{version}/assets/render/{id}}.
     */
    public Parsed<UUID> renderOrTransferPathParameter(String name) {
        return request.pathParameter(name).flatMap(TransferGroup::of)
                .<Parsed<UUID>>map(Parsed::ok)
                .orElseGet(() -> Parsed.rejected(Problem.badRequest(JsonPath.of(name),
                        "must be a render id (a UUID) or the id of a transfer")));
    }

    /** A {@code true}/{@code false} query parameter; absent means {@code fallback}. */
    public Parsed<Boolean> booleanQueryParameter(String name, boolean fallback) {
        Optional<String> value = request.queryParameter(name);
        if (value.isEmpty()) {
            return Parsed.ok(fallback);
        }
        return switch (value.get()) {
            case "true" -> Parsed.ok(true);
            case "false" -> Parsed.ok(false);
            default -> Parsed.rejected(Problem.badRequest(JsonPath.of(name), "must be true or false"));
        };
    }

    /** A whole-number query parameter between {@code min} and {@code max}; absent means {@code fallback}. */
    public Parsed<Integer> intQueryParameter(String name, int fallback, int min, int max) {
        Optional<String> value = request.queryParameter(name);
        if (value.isEmpty()) {
            return Parsed.ok(fallback);
        }
        String digits = value.get();
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) < min || Integer.parseInt(digits) > max) {
            return Parsed.rejected(Problem.badRequest(JsonPath.of(name),
                    "must be a whole number from " + min + " to " + max));
        }
        return Parsed.ok(Integer.parseInt(digits));
    }

    /** A query parameter as sent, absent when not sent. */
    public Optional<String> queryParameter(String name) {
        return request.queryParameter(name);
    }

    /** The value of a header that may be sent at most once, its name matched in any case. */
    public Parsed<Optional<String>> singleHeader(String name) {
        return switch (request.singleHeader(name)) {
            case ProxyRequest.HeaderValue.Absent absent -> Parsed.ok(Optional.empty());
            case ProxyRequest.HeaderValue.One one -> Parsed.ok(Optional.of(one.value()));
            case ProxyRequest.HeaderValue.Repeated repeated ->
                    Parsed.rejected(Problem.badRequest(JsonPath.of(name), "must be sent at most once"));
        };
    }

    /** The body as a JSON tree, refused when larger than {@code maxBytes}, not UTF-8 or not JSON. */
    public Parsed<JsonNode> jsonBody(int maxBytes) {
        return bodyText(maxBytes).flatMap(text -> switch (JsonDocument.parse(text)) {
            case JsonDocument.Parsed parsed -> Parsed.ok(parsed.tree());
            case JsonDocument.Malformed malformed -> Parsed.rejected(Problem.badRequest(malformed.where(),
                    malformed.reason()));
        });
    }

    private Parsed<String> bodyText(int maxBytes) {
        return switch (request.body(maxBytes)) {
            case ProxyRequest.Body.Absent absent -> Parsed.ok(null);
            case ProxyRequest.Body.Text text -> Parsed.ok(text.text());
            case ProxyRequest.Body.TooLarge tooLarge -> Parsed.rejected(Problem.payloadTooLarge(tooLarge.maxBytes()));
            case ProxyRequest.Body.NotBase64 notBase64 ->
                    Parsed.rejected(Problem.badRequest(JsonPath.ROOT, "is marked base64 but is not base64"));
            case ProxyRequest.Body.NotUtf8 notUtf8 ->
                    Parsed.rejected(Problem.badRequest(JsonPath.ROOT, "is not valid UTF-8: " + notUtf8.where()));
        };
    }
}
