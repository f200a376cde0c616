package dev.reelforge.local.apigateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it reached the gateway, already decoded: path without query, headers and query
 * parameters with every value, and the raw body (null when empty).
 */
record HttpRequest(String method, String path, Map<String, List<String>> headers,
        Map<String, List<String>> query, byte[] body, String sourceIp) {

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }
}
