package dev.reelforge.shotstack.auth;

/**
 * API Gateway's protocol for "no credentials": an authorizer that fails with exactly the message
 * {@code Unauthorized} makes the gateway answer 401 (the UNAUTHORIZED gateway response).
 */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException() {
        super("Unauthorized", null, false, false);
    }
}
