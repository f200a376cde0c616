package dev.reelforge.local.apigateway;

import java.util.Map;

/** What a Lambda authorizer's answer means for one request. */
sealed interface AuthorizerDecision {

    /** Allowed; {@code context} becomes {@code requestContext.authorizer} of the proxy event. */
    record Allowed(Map<String, Object> context) implements AuthorizerDecision {}

    /** No identity, or the authorizer said "Unauthorized": 401. */
    record Unauthorized() implements AuthorizerDecision {}

    /** The policy does not allow this method ARN: 403. */
    record Denied() implements AuthorizerDecision {}

    /** The authorizer failed or answered something unreadable: 500. */
    record Failed() implements AuthorizerDecision {}
}
