package dev.reelforge.shotstack;

/**
 * A request reached a handler without the owner the authorizer adds: the route is deployed without the
 * authorizer. A server fault, answered with a 500.
 */
public final class MissingAuthorizerContextException extends RuntimeException {

    public MissingAuthorizerContextException() {
        super("the request carries no authorizer owner; is the route missing its authorizer?");
    }
}
