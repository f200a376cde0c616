package dev.reelforge.local.apigateway;

import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.ApiDefinition;
import dev.reelforge.local.template.AuthorizerDefinition;
import java.util.List;
import java.util.Optional;

/**
 * A method on a resource path of a REST API ({@code POST /edit/{version}/render}) and the function it
 * integrates with as a Lambda proxy.
 */
record Route(ApiDefinition api, String method, String resourcePath, LocalFunction function,
        Optional<AuthorizerDefinition> authorizer) {

    List<String> segments() {
        return PathTemplate.segments(resourcePath);
    }
}
