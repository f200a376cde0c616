package dev.reelforge.shotstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.JsonDocument;
import dev.reelforge.core.validation.JsonPath;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
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
     * The body as a JSON tree, refused when larger than {@code maxBytes}, not UTF-8 or not JSON. API Gateway hands
     * the body over base64-encoded (the template lists every media type as binary) so that its bytes can be
     * checked here exactly; a text body (an event without base64) is taken as the text it already is.
     */
    public Parsed<JsonNode> jsonBody(int maxBytes) {
        return bodyText(maxBytes).flatMap(text -> switch (JsonDocument.parse(text)) {
            case JsonDocument.Parsed parsed -> Parsed.ok(parsed.tree());
            case JsonDocument.Malformed malformed -> Parsed.rejected(Problem.badRequest(malformed.where(),
                    malformed.reason()));
        });
    }

    private Parsed<String> bodyText(int maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return Parsed.ok(null);
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            // base64 of at most maxBytes bytes is at most this long: refuse more before decoding anything
            if (body.length() > 4L * ((maxBytes + 2) / 3)) {
                return Parsed.rejected(Problem.payloadTooLarge(maxBytes));
            }
            Problem notBase64 = Problem.badRequest(JsonPath.ROOT, "is marked base64 but is not base64");
            if (body.length() % 4 != 0) {
                return Parsed.rejected(notBase64); // API Gateway pads its base64
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return Parsed.rejected(notBase64);
            }
            if (bytes.length > maxBytes) {
                return Parsed.rejected(Problem.payloadTooLarge(maxBytes));
            }
            return utf8(bytes);
        }
        if (body.length() > maxBytes || body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return Parsed.rejected(Problem.payloadTooLarge(maxBytes));
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Parsed.rejected(Problem.badRequest(JsonPath.ROOT,
                        "is not valid UTF-8: character " + i + " is half of a surrogate pair"));
            }
        }
        return Parsed.ok(body);
    }

    /** The bytes as text, refused at the first byte that does not belong to a well-formed UTF-8 character. */
    private static Parsed<String> utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return Parsed.rejected(Problem.badRequest(JsonPath.ROOT,
                    "is not valid UTF-8: byte " + in.position() + " does not start a well-formed character"));
        }
        return Parsed.ok(out.flip().toString());
    }

    private String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? null : parameters.get(name);
    }
}
