package dev.reelforge.runtime.http;

/**
 * API Gateway's protocol for "no valid credentials": a REQUEST authorizer that fails with exactly the message
 * {@code Unauthorized} makes the gateway answer 401 (the API's UNAUTHORIZED gateway response, in its face's envelope).
 */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException() {
        super("Unauthorized", null, false, false);
    }
}
