package dev.reelforge.local.template;

import java.time.Duration;
import java.util.List;

/** A Lambda REQUEST authorizer of a REST API, with the headers that identify (and cache) a caller. */
public record AuthorizerDefinition(String name, String functionLogicalId, List<String> identityHeaders,
        Duration cacheTtl) {

    public AuthorizerDefinition {
        identityHeaders = List.copyOf(identityHeaders);
    }
}
