package dev.reelforge.local.apigateway;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.reelforge.local.template.ApiDefinition;
import dev.reelforge.local.template.GatewayResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers requests the gateway refuses itself, using the API's GatewayResponses from template.yaml:
 * the type's own definition, else DEFAULT_4XX/DEFAULT_5XX, else API Gateway's built-in body. The
 * {@code $context} variables templates use are filled in; templates are not otherwise evaluated (as
 * on API Gateway).
 */
final class GatewayResponses {

    private GatewayResponses() {}

    static HttpResponse render(Optional<ApiDefinition> api, GatewayResponseType type, RequestFacts facts) {
        Map<String, GatewayResponseDefinition> custom = api.map(ApiDefinition::gatewayResponses).orElse(Map.of());
        GatewayResponseDefinition own = custom.get(type.name());
        GatewayResponseDefinition fallback = custom.get(type.fallback());
        int status = Optional.ofNullable(own).flatMap(GatewayResponseDefinition::statusCode)
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
        headers.put("x-amzn-ErrorType", List.of(type.name()));
        String body = template
                .replace("$context.error.messageString", TextNode.valueOf(type.defaultMessage).toString())
                .replace("$context.error.message", type.defaultMessage)
                .replace("$context.requestId", facts.requestId())
                .replace("$context.httpMethod", facts.method())
                .replace("$context.resourcePath", facts.resourcePath())
                .replace("$context.path", facts.path());
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The request details a gateway response template may mention. */
    record RequestFacts(String requestId, String method, String path, String resourcePath) {}
}
