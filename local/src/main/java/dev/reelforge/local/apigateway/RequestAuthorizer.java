package dev.reelforge.local.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.lambda.FunctionErrorException;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.AuthorizerDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a Lambda REQUEST authorizer as API Gateway does: a request missing an identity header is refused
 * (401) without calling it; otherwise its policy is fetched (and cached per identity for the
 * authorizer's TTL) and evaluated against the request's method ARN.
 */
final class RequestAuthorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record CachedPolicy(Map<String, Object> answer, Instant expires) {}

    private final AuthorizerDefinition definition;
    private final LocalFunction function;
    private final Clock clock;
    private final Map<String, CachedPolicy> cache = new ConcurrentHashMap<>();

    RequestAuthorizer(AuthorizerDefinition definition, LocalFunction function, Clock clock) {
        this.definition = definition;
        this.function = function;
        this.clock = clock;
    }

    AuthorizerDecision authorize(HttpRequest request, APIGatewayCustomAuthorizerEvent event) {
        StringBuilder identity = new StringBuilder();
        for (String header : definition.identityHeaders()) {
            Optional<String> value = request.header(header).filter(text -> !text.isEmpty());
            if (value.isEmpty()) {
                return new AuthorizerDecision.Unauthorized();
            }
            identity.append(value.get()).append('\n');
        }
        Map<String, Object> answer;
        try {
            answer = answerFor(identity.toString(), event);
        } catch (FunctionErrorException e) {
            return "Unauthorized".equals(e.getCause().getMessage())
                    ? new AuthorizerDecision.Unauthorized()
                    : new AuthorizerDecision.Failed();
        } catch (RuntimeException e) {
            return new AuthorizerDecision.Failed();
        }
        if (!(answer.get("policyDocument") instanceof Map<?, ?> policy)) {
            return new AuthorizerDecision.Failed();
        }
        if (!PolicyEvaluation.allows(policy, event.getMethodArn())) {
            return new AuthorizerDecision.Denied();
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("principalId", answer.get("principalId"));
        if (answer.get("context") instanceof Map<?, ?> values) {
            values.forEach((key, value) -> context.put(String.valueOf(key), String.valueOf(value)));
        }
        return new AuthorizerDecision.Allowed(context);
    }

    private Map<String, Object> answerFor(String identity, APIGatewayCustomAuthorizerEvent event) {
        Instant now = clock.instant();
        CachedPolicy cached = cache.get(identity);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.answer();
        }
        Map<String, Object> answer = readAnswer(function.invoke(event));
        if (!definition.cacheTtl().isZero()) {
            cache.put(identity, new CachedPolicy(answer, now.plus(definition.cacheTtl())));
        }
        return answer;
    }

    /** The authorizer's result as it crosses the wire: serialized by the Lambda runtime, read as JSON. */
    private static Map<String, Object> readAnswer(Object result) {
        try {
            return JSON.readValue(LambdaJson.toJson(result), new TypeReference<>() {});
        } catch (Exception e) {
            throw new IllegalStateException("authorizer answered something that is not a policy", e);
        }
    }
}
