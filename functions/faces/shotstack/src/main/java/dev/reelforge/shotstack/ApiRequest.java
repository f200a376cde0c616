package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.JsonDocument;
import dev.reelforge.core.validation.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final APIGatewayProxyRequestEvent event;

    public ApiRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
    }

    /** The owner the authorizer put in the request context, and the environment of the path's version. */
    public Parsed<Caller> caller() {
        String owner = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getAuthorizer)
                .map(authorizer -> authorizer.get("owner"))
                .map(Object::toString)
                .filter(value -> !value.isBlank())
                .orElseThrow(MissingAuthorizerContextException::new);
        String version = pathParameter("version");
        return Environment.fromPathName(version)
                .<Parsed<Caller>>map(environment -> Parsed.ok(new Caller(owner, environment)))
                .orElseGet(() -> Parsed.rejected(Problem.notFound(JsonPath.of("version"),
                        "must be one of: stage, v1")));
    }

    public Parsed<UUID> uuidPathParameter(String name) {
        String value = pathParameter(name);
        if (value == null || !UUID_FORMAT.matcher(value).matches()) {
            return Parsed.rejected(Problem.badRequest(JsonPath.of(name), "must be a UUID"));
        }
        return Parsed.ok(UUID.fromString(value));
    }

    /** A {@code true}/{@code false} query parameter; absent means {@code fallback}. */
    public Parsed<Boolean> booleanQueryParameter(String name, boolean fallback) {
        String value = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get(name)).orElse(null);
        if (value == null) {
            return Parsed.ok(fallback);
        }
        return switch (value) {
            case "true" -> Parsed.ok(true);
            case "false" -> Parsed.ok(false);
            default -> Parsed.rejected(Problem.badRequest(JsonPath.of(name), "must be true or false"));
        };
    }

    /**
     * The value of a header that may be sent at most once, its name matched in any case; refused when sent more
     * than once. API Gateway lists every value in {@code multiValueHeaders} and the last in {@code headers}.
     */
    public Parsed<Optional<String>> singleHeader(String name) {
        List<String> values = Optional.ofNullable(event.getMultiValueHeaders()).orElse(Map.of()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && header.getValue() != null)
                .flatMap(header -> header.getValue().stream())
                .filter(Objects::nonNull)
                .toList();
        if (values.size() > 1) {
            return Parsed.rejected(Problem.badRequest(JsonPath.of(name), "must be sent at most once"));
        }
        if (!values.isEmpty()) {
            return Parsed.ok(Optional.of(values.getFirst()));
        }
        return Parsed.ok(Optional.ofNullable(event.getHeaders()).orElse(Map.of()).entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && header.getValue() != null)
                .map(Map.Entry::getValue)
                .findFirst());
    }

    /** The body as a JSON tree, refused when larger than {@code maxBytes} or not JSON. */
    public Parsed<JsonNode> jsonBody(int maxBytes) {
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            byte[] decoded;
            try {
                decoded = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return Parsed.rejected(Problem.badRequest(JsonPath.ROOT, "is marked base64 but is not base64"));
            }
            if (decoded.length > maxBytes) {
                return Parsed.rejected(Problem.payloadTooLarge(maxBytes));
            }
            body = new String(decoded, StandardCharsets.UTF_8);
        } else if (body != null && (body.length() > maxBytes
                || body.getBytes(StandardCharsets.UTF_8).length > maxBytes)) {
            return Parsed.rejected(Problem.payloadTooLarge(maxBytes));
        }
        return switch (JsonDocument.parse(body)) {
            case JsonDocument.Parsed parsed -> Parsed.ok(parsed.tree());
            case JsonDocument.Malformed malformed -> Parsed.rejected(Problem.badRequest(JsonPath.ROOT,
                    malformed.reason()));
        };
    }

    private String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? null : parameters.get(name);
    }
}
