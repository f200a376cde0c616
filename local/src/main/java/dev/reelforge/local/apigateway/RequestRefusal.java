package dev.reelforge.local.apigateway;

import java.util.Optional;

/**
 * A request the gateway's front end will not pass on because it is not well-formed HTTP or too large: the gateway
 * response type to answer with, what is wrong in words fit to show the client (never quoting what it sent), and
 * the request's method and path when its head was read far enough to know them.
 */
final class RequestRefusal extends Exception {

    private final GatewayResponseType type;
    private final Optional<String> method;
    private final Optional<String> path;

    RequestRefusal(GatewayResponseType type, String problem) {
        this(type, problem, Optional.empty(), Optional.empty());
    }

    RequestRefusal(GatewayResponseType type, String problem, Optional<String> method, Optional<String> path) {
        super(problem, null, false, false);
        this.type = type;
        this.method = method;
        this.path = path;
    }

    static RequestRefusal malformed(String problem) {
        return new RequestRefusal(GatewayResponseType.MALFORMED_REQUEST, problem);
    }

    /** The same refusal, now knowing the request's method and (decoded) path. */
    RequestRefusal of(String requestMethod, String requestPath) {
        return new RequestRefusal(type, getMessage(), Optional.of(requestMethod), Optional.of(requestPath));
    }

    GatewayResponseType type() {
        return type;
    }

    String problem() {
        return getMessage();
    }

    Optional<String> method() {
        return method;
    }

    Optional<String> path() {
        return path;
    }
}
