package dev.reelforge.picovico;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.json.JsonDocument;
import dev.reelforge.runtime.http.ProxyRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

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
        return contentType().flatMap(contentType -> bodyText(maxBytes).flatMap(text -> {
            if (text.isEmpty()) {
                return Parsed.ok(Map.of());
            }
            String mediaType = contentType == null ? FORM
                    : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return switch (mediaType) {
                case FORM -> formFields(text);
                case JSON -> jsonFields(text);
                default -> Parsed.rejected(PicovicoError.badRequest(
                        "the Content-Type header must be " + FORM + " or " + JSON));
            };
        }));
    }

    /**
     * The body as one JSON object: form fields as strings (the SDKs post JSON in them; the reader parses those), or a
     * JSON object as sent, nested values included; an empty body is an empty object.
     */
    public Parsed<JsonNode> document(int maxBytes) {
        return contentType().flatMap(contentType -> bodyText(maxBytes).flatMap(text -> {
            String mediaType = contentType == null ? FORM
                    : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && mediaType.equals(JSON)) {
                return switch (JsonDocument.parse(text)) {
                    case JsonDocument.Malformed malformed ->
                            Parsed.rejected(PicovicoError.badRequest("the body " + malformed.reason()));
                    case JsonDocument.Parsed parsed -> parsed.tree().isObject() ? Parsed.ok(parsed.tree())
                            : Parsed.rejected(PicovicoError.badRequest("the JSON body must be an object"));
                };
            }
            return fields(maxBytes).map(fields -> {
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

    private Parsed<String> contentType() {
        return switch (request.singleHeader("Content-Type")) {
            case ProxyRequest.HeaderValue.Absent absent -> Parsed.ok(null);
            case ProxyRequest.HeaderValue.One one -> Parsed.ok(one.value());
            case ProxyRequest.HeaderValue.Repeated repeated ->
                    Parsed.rejected(PicovicoError.badRequest("the Content-Type header must be sent at most once"));
        };
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

    private static Parsed<Map<String, String>> formFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Parsed.rejected(PicovicoError.badRequest("the form body has a malformed %-escape"));
            }
            if (fields.putIfAbsent(name, value) != null) {
                return Parsed.rejected(PicovicoError.badRequest("the field " + quoted(name) + " is sent twice"));
            }
        }
        return Parsed.ok(fields);
    }

    private static Parsed<Map<String, String>> jsonFields(String text) {
        return switch (JsonDocument.parse(text)) {
            case JsonDocument.Malformed malformed ->
                    Parsed.rejected(PicovicoError.badRequest("the body " + malformed.reason()));
            case JsonDocument.Parsed parsed -> {
                JsonNode tree = parsed.tree();
                if (!tree.isObject()) {
                    yield Parsed.rejected(PicovicoError.badRequest("the JSON body must be an object"));
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : tree.properties()) {
                    JsonNode value = field.getValue();
                    if (!value.isValueNode() || value.isNull()) {
                        yield Parsed.rejected(PicovicoError.badRequest("the field " + quoted(field.getKey())
                                + " must be a string, a number or a boolean"));
                    }
                    fields.put(field.getKey(), value.asText());
                }
                yield Parsed.ok(fields);
            }
        };
    }

    /** A field name as a message may quote it: short, and printable ASCII only. */
    public static String quoted(String name) {
        boolean printable = name.length() <= 40 && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"');
        return printable ? "\"" + name + "\"" : "(an unprintable or overlong name)";
    }
}
