package dev.reelforge.local.apigateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it reached the gateway, read and checked: the target as sent (for the access log), the path
 * percent-decoded and without query, headers and query parameters with every value, and the raw body (null
 * when empty).
 */
record HttpRequest(String method, String target, String path, Map<String, List<String>> headers,
        Map<String, List<String>> query, byte[] body, String sourceIp) {

    /** The path as sent, still percent-encoded: what a REST API routes on and hands the function. */
    String rawPath() {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    /**
     * The header's last value, the one API Gateway puts in the single-value {@code headers} of its events: what
     * the authorizer identifies a caller by must be what the authorizer function is shown.
     */
    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .reduce((first, second) -> second);
    }
}
