package dev.reelforge.local.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::Api}: its stage, authorizers, gateway responses and binary media types (with SAM's
 * {@code ~1} already read as {@code /}) and its stage variables.
 */
public record ApiDefinition(String logicalId, String apiId, String stageName, Optional<String> defaultAuthorizer,
        Map<String, AuthorizerDefinition> authorizers, Map<String, GatewayResponseDefinition> gatewayResponses,
        List<String> binaryMediaTypes, Map<String, String> stageVariables) {

    public ApiDefinition {
        authorizers = Map.copyOf(authorizers);
        gatewayResponses = Map.copyOf(gatewayResponses);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        stageVariables = Map.copyOf(stageVariables);
    }

    /**
     * Whether API Gateway hands a request body of this Content-Type to a Lambda proxy integration base64-encoded:
     * when the media type (parameters aside) matches a binary media type exactly, as {@code type/*} or as
     * {@code *}{@code /*}. A request without Content-Type is taken as {@code application/json}, API Gateway's
     * default.
     */
    public boolean isBinary(Optional<String> contentType) {
        String mediaType = contentType.map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty())
                .orElse("application/json");
        String type = mediaType.split("/", 2)[0];
        return binaryMediaTypes.stream().map(binary -> binary.toLowerCase(Locale.ROOT))
                .anyMatch(binary -> binary.equals("*/*") || binary.equals(mediaType) || binary.equals(type + "/*"));
    }
}
