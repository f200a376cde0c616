package dev.reelforge.local.template;

import java.util.Map;
import java.util.Optional;

/** An {@code AWS::Serverless::Api}: its stage, authorizers and gateway responses. */
public record ApiDefinition(String logicalId, String apiId, String stageName, Optional<String> defaultAuthorizer,
        Map<String, AuthorizerDefinition> authorizers, Map<String, GatewayResponseDefinition> gatewayResponses) {

    public ApiDefinition {
        authorizers = Map.copyOf(authorizers);
        gatewayResponses = Map.copyOf(gatewayResponses);
    }
}
