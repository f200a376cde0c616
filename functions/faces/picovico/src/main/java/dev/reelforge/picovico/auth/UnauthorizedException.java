package dev.reelforge.picovico.auth;

/**
 * API Gateway's protocol for "no valid credentials": an authorizer that fails with exactly the message
 * {@code Unauthorized} makes the gateway answer 401 (the UNAUTHORIZED gateway response, in Picovico's
 * envelope).
 */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException() {
        super("Unauthorized", null, false, false);
    }
}
