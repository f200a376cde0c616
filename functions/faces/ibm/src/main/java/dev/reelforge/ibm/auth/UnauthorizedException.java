package dev.reelforge.ibm.auth;

/**
 * API Gateway's protocol for "no valid credentials": an authorizer that fails with exactly the message
 * {@code Unauthorized} makes the gateway answer 401 (the UNAUTHORIZED gateway response, IBM's
 * {@code invalid_token}).
 */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException() {
        super("Unauthorized", null, false, false);
    }
}
