package dev.reelforge.local.apigateway;

/** The gateway response types the emulator produces, with API Gateway's default status and message. */
enum GatewayResponseType {
    UNAUTHORIZED(401, "Unauthorized"),
    ACCESS_DENIED(403, "User is not authorized to access this resource with an explicit deny"),
    MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token"),
    REQUEST_TOO_LARGE(413, "Request Too Long"),
    /**
     * Not a type of API Gateway's: its front end refusing a request that is not well-formed HTTP (bad framing,
     * control characters, oversized head). It has no template of its own, so DEFAULT_4XX renders it, with the
     * emulator's description of the problem as {@code $context.error.message}.
     */
    MALFORMED_REQUEST(400, "Bad Request"),
    AUTHORIZER_FAILURE(500, "Internal server error"),
    INTEGRATION_FAILURE(502, "Internal server error"),
    INTEGRATION_TIMEOUT(504, "Endpoint request timed out");

    final int defaultStatus;
    final String defaultMessage;

    GatewayResponseType(int defaultStatus, String defaultMessage) {
        this.defaultStatus = defaultStatus;
        this.defaultMessage = defaultMessage;
    }

    String fallback() {
        return defaultStatus < 500 ? "DEFAULT_4XX" : "DEFAULT_5XX";
    }
}
