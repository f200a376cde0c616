package dev.reelforge.local.apigateway;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.reelforge.local.template.ApiDefinition;
import dev.reelforge.local.template.GatewayResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers requests the gateway refuses itself, using the API's GatewayResponses from template.yaml:
 * the type's own definition, else DEFAULT_4XX/DEFAULT_5XX (their status code included, when set), else API
 * Gateway's built-in body. Templates are not
 * evaluated, only their {@code $context} variables substituted, in one pass and as API Gateway does: verbatim,
 * without escaping, except {@code $context.error.messageString}, which is the message as a quoted JSON string.
 * So a template that puts {@code $context.path} inside a JSON string breaks here as it breaks on AWS.
 */
final class GatewayResponses {

    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.[A-Za-z0-9.]+");

    private GatewayResponses() {}

    static HttpResponse render(Optional<ApiDefinition> api, GatewayResponseType type, RequestFacts facts) {
        return render(api, type, facts, type.defaultMessage);
    }

    /** @param message what {@code $context.error.message} says: never anything the client sent */
    static HttpResponse render(Optional<ApiDefinition> api, GatewayResponseType type, RequestFacts facts,
            String message) {
        Map<String, GatewayResponseDefinition> custom = api.map(ApiDefinition::gatewayResponses).orElse(Map.of());
        GatewayResponseDefinition own = custom.get(type.name());
        GatewayResponseDefinition fallback = custom.get(type.fallback());
        // A status set on DEFAULT_4XX/DEFAULT_5XX becomes the status of every type of that class without its own
        // (API Gateway: "changing the status code of this fallback gateway response changes the status codes of all
        // other 4XX responses")
        int status = Optional.ofNullable(own).flatMap(GatewayResponseDefinition::statusCode)
                .or(() -> Optional.ofNullable(fallback).flatMap(GatewayResponseDefinition::statusCode))
                .orElse(type.defaultStatus);
        String template = Optional.ofNullable(own).map(definition -> definition.templates().get("application/json"))
                .or(() -> Optional.ofNullable(fallback).map(definition -> definition.templates().get("application/json")))
                .orElse("{\"message\":$context.error.messageString}");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        for (GatewayResponseDefinition definition : new GatewayResponseDefinition[] {fallback, own}) {
            if (definition != null) {
                definition.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            }
        }
        headers.put("x-amzn-RequestId", List.of(facts.requestId()));
        if (type != GatewayResponseType.MALFORMED_REQUEST) {
            headers.put("x-amzn-ErrorType", List.of(type.name()));
        }
        String stage = api.map(ApiDefinition::stageName).orElse("");
        String body = substitute(template, facts, stage, type, message);
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The template with each {@code $context} variable API Gateway knows replaced; others are left as written. */
    static String substitute(String template, RequestFacts facts, String stage, GatewayResponseType type,
            String message) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder body = new StringBuilder();
        int copied = 0;
        while (variable.find()) {
            String name = variable.group().substring("$context.".length());
            int end = variable.end();
            while (name.endsWith(".")) { // a sentence's full stop after the variable
                name = name.substring(0, name.length() - 1);
                end--;
            }
            String value = switch (name) {
                case "requestId", "extendedRequestId" -> facts.requestId();
                case "httpMethod" -> facts.method();
                case "resourcePath" -> facts.resourcePath();
                case "path" -> "/" + stage + facts.path();
                case "stage" -> stage;
                case "error.message" -> message;
                case "error.messageString" -> TextNode.valueOf(message).toString();
                case "error.responseType" -> type.name();
                default -> null;
            };
            if (value != null) {
                body.append(template, copied, variable.start()).append(value);
                copied = end;
            }
        }
        return body.append(template, copied, template.length()).toString();
    }

    /** The request details a gateway response template may mention: as the client sent them, so hostile. */
    record RequestFacts(String requestId, String method, String path, String resourcePath) {}
}
